package io.hanse.oms.api.order;

import io.hanse.oms.api.customer.Address;
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
 */
public record OrderSubmission(
    String channel,
    String externalId,
    String sourceCode,
    String department,
    CustomerRef customer,
    Address shippingAddress,
    List<OrderLineRequest> lines) {}
