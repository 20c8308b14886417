package io.hanse.oms.core.channel;

import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a channel's order fit Hanse's rules so that it can at least be held: a platform accepts
 * SKUs and e-mail addresses Hanse would refuse, and a paid order must not be dropped for that. What
 * had to change is added to the problems, so the order is held with it.
 */
final class ChannelSubmissions {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_QUANTITY = 10_000;
  private static final int MAX_NAME = 200;

  private ChannelSubmissions() {}

  static OrderSubmission fit(OrderSubmission s, List<String> problems) {
    List<OrderLineRequest> lines = new ArrayList<>();
    for (OrderLineRequest line : s.lines() == null ? List.<OrderLineRequest>of() : s.lines()) {
      if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
        problems.add(
            "line with SKU '"
                + line.sku()
                + "' x "
                + line.quantity()
                + " left out: not a SKU Hanse can hold");
      } else if (line.quantity() > MAX_QUANTITY) {
        problems.add(line.quantity() + " x " + line.sku() + " is more than one order line takes");
        lines.add(new OrderLineRequest(line.sku(), MAX_QUANTITY, line.personalization()));
      } else {
        lines.add(line);
      }
    }
    CustomerRef customer = s.customer();
    if (customer != null) {
      String email = customer.email();
      if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
        problems.add("customer e-mail '" + email + "' is not usable");
        email = s.channel() + "-" + s.externalId() + "@customers.invalid";
      }
      String name = customer.name();
      if (name != null && name.length() > MAX_NAME) {
        name = name.substring(0, MAX_NAME);
      }
      String phone = customer.phone();
      if (phone != null && phone.length() > 40) {
        phone = phone.substring(0, 40);
      }
      customer = new CustomerRef(email, name, phone);
    }
    return new OrderSubmission(
        s.channel(),
        s.externalId(),
        s.sourceCode(),
        s.department(),
        customer,
        s.shippingAddress(),
        lines);
  }
}
