package io.hanse.oms.channel.woocommerce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps WooCommerce's order JSON (REST API v3 shape, which order webhooks carry) to an order
 * submission. A paid order (processing) is taken; one awaiting an offline payment (on-hold) is
 * taken on hold with its stock reserved until it is paid; cancelled, refunded and failed orders are
 * cancelled.
 */
final class WooOrders {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TAKE = Set.of("processing", "on-hold");
  // Not "failed": a declined payment can be paid again and the order then goes on to processing.
  private static final Set<String> CANCEL = Set.of("cancelled", "refunded", "trash");
  private static final Set<String> ORDER_TOPICS =
      Set.of("order.created", "order.updated", "order.restored");

  private WooOrders() {}

  static ChannelAction map(InboundMessage message) {
    JsonNode order;
    try {
      order = JSON.readTree(message.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (order == null || !order.hasNonNull("id")) {
      throw new IllegalArgumentException("the body is not a WooCommerce order: it has no id");
    }
    String externalId = order.get("id").asText();
    if (!ORDER_TOPICS.contains(message.topic())) {
      return ChannelAction.ignore(externalId, "topic " + message.topic() + " is not handled");
    }
    String status = order.path("status").asText("");
    if (CANCEL.contains(status)) {
      return ChannelAction.cancel(externalId, "cancelled on WooCommerce (" + status + ")");
    }
    if (!TAKE.contains(status)) {
      return ChannelAction.ignore(externalId, "status " + status + " is not taken (not paid yet)");
    }
    List<String> problems = new ArrayList<>();
    if (status.equals("on-hold")) {
      problems.add(ChannelAction.AWAITING_PAYMENT + " (on-hold in WooCommerce)");
    }
    List<OrderLineRequest> lines = new ArrayList<>();
    for (JsonNode item : order.path("line_items")) {
      int quantity = item.path("quantity").asInt();
      if (quantity <= 0) {
        continue;
      }
      String sku = text(item, "sku");
      if (sku == null) {
        problems.add("line '" + text(item, "name") + "' has no SKU");
        continue;
      }
      lines.add(new OrderLineRequest(sku, quantity, Map.of()));
    }
    if (lines.isEmpty()) {
      problems.add("no line with a SKU to ship");
    }
    JsonNode billing = order.path("billing");
    String email = text(billing, "email");
    if (email == null) {
      problems.add("missing customer e-mail");
      email = "woocommerce-" + externalId + "@customers.invalid";
    }
    String name = join(text(billing, "first_name"), text(billing, "last_name"));
    CustomerRef customer = new CustomerRef(email, name, text(billing, "phone"));
    Address shipping = address(order.path("shipping"));
    if (shipping == null) {
      problems.add("missing shipping address");
    }
    checkTotals(order, problems);
    return ChannelAction.place(
        new OrderSubmission("woocommerce", externalId, null, null, customer, shipping, lines),
        problems);
  }

  private static Address address(JsonNode a) {
    if (text(a, "address_1") == null) {
      return null;
    }
    return new Address(
        text(a, "address_1"),
        text(a, "address_2"),
        text(a, "city"),
        text(a, "state"),
        text(a, "postcode"),
        text(a, "country"));
  }

  /** Line totals, fees, shipping and tax must add up to the order total. */
  private static void checkTotals(JsonNode order, List<String> problems) {
    String total = text(order, "total");
    if (total == null) {
      return;
    }
    BigDecimal sum = amount(order, "shipping_total").add(amount(order, "total_tax"));
    for (JsonNode item : order.path("line_items")) {
      sum = sum.add(amount(item, "total"));
    }
    for (JsonNode fee : order.path("fee_lines")) {
      sum = sum.add(amount(fee, "total"));
    }
    if (sum.compareTo(new BigDecimal(total)) != 0) {
      problems.add(
          "totals don't add up: lines, fees, shipping and tax make "
              + sum
              + ", WooCommerce says "
              + total);
    }
  }

  private static BigDecimal amount(JsonNode node, String field) {
    String value = text(node, field);
    try {
      return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String join(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
  }
}
