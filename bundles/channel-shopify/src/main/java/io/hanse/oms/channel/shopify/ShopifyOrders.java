package io.hanse.oms.channel.shopify;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Shopify's order JSON (REST Admin API shape, as order webhooks carry it) to an order
 * submission. What cannot be mapped becomes a problem on the action, so the order is held, never
 * dropped.
 */
final class ShopifyOrders {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Topics that take a new order; updates of an order Hanse has are not applied (see map). */
  private static final Set<String> NEW_ORDER_TOPICS = Set.of("orders/create", "orders/paid");

  private ShopifyOrders() {}

  static ChannelAction map(InboundMessage message) {
    JsonNode order;
    try {
      order = JSON.readTree(message.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (order == null || !order.hasNonNull("id")) {
      throw new IllegalArgumentException("the body is not a Shopify order: it has no id");
    }
    String externalId = order.get("id").asText();
    String topic = message.topic();
    // Only the signed body decides: the topic header is not covered by the signature.
    if (order.hasNonNull("cancelled_at")) {
      String reason = text(order, "cancel_reason");
      return ChannelAction.cancel(
          externalId, "cancelled on Shopify" + (reason == null ? "" : ": " + reason));
    }
    if (!NEW_ORDER_TOPICS.contains(topic)) {
      // An update of an order never taken (say, an old one) must not become a new order, and
      // edits of a taken order need an agent: neither is applied.
      return ChannelAction.ignore(externalId, "topic " + topic + " is not applied");
    }
    List<String> problems = new ArrayList<>();
    List<OrderLineRequest> lines = lines(order, problems);
    CustomerRef customer = customer(order, externalId, problems);
    Address shipping = address(order.path("shipping_address"));
    boolean shipsSomething = false;
    for (JsonNode item : order.path("line_items")) {
      shipsSomething |= item.path("requires_shipping").asBoolean(true);
    }
    if (shipping == null && shipsSomething) {
      problems.add("missing shipping address");
    }
    checkTotals(order, problems);
    OrderSubmission submission =
        new OrderSubmission("shopify", externalId, null, null, customer, shipping, lines);
    return ChannelAction.place(submission, problems);
  }

  private static List<OrderLineRequest> lines(JsonNode order, List<String> problems) {
    List<OrderLineRequest> lines = new ArrayList<>();
    for (JsonNode item : order.path("line_items")) {
      // current_quantity follows edits and removals; older payloads only have quantity.
      int quantity =
          item.has("current_quantity")
              ? item.path("current_quantity").asInt()
              : item.path("quantity").asInt();
      if (quantity <= 0 || !item.path("requires_shipping").asBoolean(true)) {
        continue; // removed, or nothing to ship (gift cards, tips)
      }
      String sku = text(item, "sku");
      if (sku == null) {
        problems.add("line '" + text(item, "title") + "' has no SKU");
        continue;
      }
      Map<String, String> personalization = new LinkedHashMap<>();
      for (JsonNode property : item.path("properties")) {
        String name = text(property, "name");
        // Shopify hides properties whose names start with an underscore: they are the app's.
        if (name != null && !name.startsWith("_")) {
          personalization.put(name, property.path("value").asText(""));
        }
      }
      lines.add(new OrderLineRequest(sku, quantity, personalization));
    }
    if (lines.isEmpty()) {
      problems.add("no line with a SKU to ship");
    }
    return lines;
  }

  private static CustomerRef customer(JsonNode order, String externalId, List<String> problems) {
    JsonNode customer = order.path("customer");
    String email =
        first(text(order, "email"), text(order, "contact_email"), text(customer, "email"));
    if (email == null) {
      problems.add("missing customer e-mail");
      email = "shopify-" + externalId + "@customers.invalid";
    }
    String name = join(text(customer, "first_name"), text(customer, "last_name"));
    if (name == null) {
      name = text(order.path("shipping_address"), "name");
    }
    String phone =
        first(
            text(order, "phone"),
            text(customer, "phone"),
            text(order.path("shipping_address"), "phone"));
    return new CustomerRef(email, name, phone);
  }

  private static Address address(JsonNode a) {
    if (a == null || a.isMissingNode() || a.isNull() || text(a, "address1") == null) {
      return null;
    }
    return new Address(
        text(a, "address1"),
        text(a, "address2"),
        text(a, "city"),
        first(text(a, "province_code"), text(a, "province")),
        text(a, "zip"),
        text(a, "country_code"));
  }

  /** The line items must add up to what Shopify says they total. */
  private static void checkTotals(JsonNode order, List<String> problems) {
    String stated = text(order, "total_line_items_price");
    if (stated == null) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode item : order.path("line_items")) {
      String price = text(item, "price");
      if (price == null) {
        continue;
      }
      sum =
          sum.add(
              new BigDecimal(price).multiply(BigDecimal.valueOf(item.path("quantity").asInt())));
    }
    if (sum.compareTo(new BigDecimal(stated)) != 0) {
      problems.add("totals don't add up: line items sum to " + sum + ", Shopify says " + stated);
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

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String join(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
  }
}
