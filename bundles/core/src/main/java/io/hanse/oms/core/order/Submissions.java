package io.hanse.oms.core.order;

import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.core.customer.CustomerServiceImpl;
import io.hanse.oms.core.internal.Checks;
import java.util.Locale;
import java.util.Set;

/** Checks an order submission before anything touches the database. */
final class Submissions {
  static final int MAX_LINES = 500;
  static final int MAX_QUANTITY = 10_000;
  private static final Set<String> STORE_CHANNELS = Set.of("pos", "store");
  private static final Set<String> CATALOG_CHANNELS =
      Set.of("phone", "catalog", "callcenter", "call-center", "mail");

  private Submissions() {}

  static void check(OrderSubmission s) {
    new Checks().required("order", s).orThrow();
    Checks checks =
        new Checks()
            .code("channel", s.channel())
            .maxLength("externalId", s.externalId(), 128)
            .required("customer", s.customer());
    if (s.externalId() != null) {
      checks.that(!s.externalId().isBlank(), "externalId must not be blank");
    }
    if (s.sourceCode() != null) {
      checks.code("sourceCode", s.sourceCode());
    }
    if (s.department() != null) {
      checks.that(
          Location.DEPARTMENTS.contains(s.department()),
          "department must be one of " + Location.DEPARTMENTS);
    }
    if (s.customer() != null) {
      checks
          .email("customer.email", s.customer().email())
          .maxLength("customer.name", s.customer().name(), 200)
          .maxLength("customer.phone", s.customer().phone(), 40);
    }
    if (s.shippingAddress() != null) {
      CustomerServiceImpl.checkAddress(checks, "shippingAddress", s.shippingAddress());
    }
    checks.that(
        s.lines() != null && !s.lines().isEmpty() && s.lines().size() <= MAX_LINES,
        "an order has 1 to " + MAX_LINES + " lines");
    if (s.lines() != null) {
      for (int i = 0; i < s.lines().size(); i++) {
        OrderLineRequest line = s.lines().get(i);
        String at = "lines[" + i + "]";
        if (line == null) {
          checks.that(false, at + " must not be null");
          continue;
        }
        checks
            .code(at + ".sku", line.sku())
            .range(at + ".quantity", line.quantity(), 1, MAX_QUANTITY)
            .that(
                line.personalization() == null || line.personalization().size() <= 20,
                at + ".personalization has at most 20 fields");
      }
    }
    checks.orThrow();
  }

  /** A refusal in words fit for a hold reason: the errors of a validation, or the message. */
  static String describe(OmsException refusal) {
    if (refusal instanceof ValidationException v && !v.errors().isEmpty()) {
      return String.join("; ", v.errors());
    }
    return refusal.getMessage();
  }

  /** The department an order reserves for: as given, or what its channel sells for. */
  static String department(OrderSubmission s) {
    if (s.department() != null) {
      return s.department();
    }
    String channel = s.channel().toLowerCase(Locale.ROOT);
    if (STORE_CHANNELS.contains(channel)) {
      return "store";
    }
    if (CATALOG_CHANNELS.contains(channel)) {
      return "catalog";
    }
    return "web";
  }
}
