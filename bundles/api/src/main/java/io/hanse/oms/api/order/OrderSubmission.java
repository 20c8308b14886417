package io.hanse.oms.api.order;

import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.payment.PaymentInstruction;
import java.util.List;

/**
 * An order as any channel submits it, after the channel's connector has mapped its own format.
 *
 * @param channel the channel it came from: {@code web}, {@code shopify}, {@code pos}, {@code
 *     phone}, ...
 * @param externalId the channel's own order id; (channel, externalId) is unique
 * @param sourceCode optional marketing source code (catalog or campaign)
 * @param department optional department to reserve for: {@code web}, {@code store}, {@code
 *     catalog}; derived from the channel when absent
 * @param payments the tenders that pay it, authorized when it is accepted; none when the channel
 *     took the money itself
 */
public record OrderSubmission(
    String channel,
    String externalId,
    String sourceCode,
    String department,
    CustomerRef customer,
    Address shippingAddress,
    List<OrderLineRequest> lines,
    List<PaymentInstruction> payments) {

  public OrderSubmission {
    // null entries stay, for validation to name
    payments =
        payments == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(payments));
  }

  /** A submission without payments: the channel took the money itself, or it is paid later. */
  public OrderSubmission(
      String channel,
      String externalId,
      String sourceCode,
      String department,
      CustomerRef customer,
      Address shippingAddress,
      List<OrderLineRequest> lines) {
    this(channel, externalId, sourceCode, department, customer, shippingAddress, lines, List.of());
  }
}
