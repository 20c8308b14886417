package io.hanse.oms.channel.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Amazon order as the inbox stores it ({@code {"order": getOrders entry, "items":
 * getOrderItems}}) and what it means: unshipped merchant-fulfilled orders are taken, cancelled ones
 * cancelled, pending (payment not yet authorized), shipped and Amazon-fulfilled ones left alone.
 *
 * <p>Line totals are not checked against the order total: whether Amazon's item prices include tax
 * depends on the marketplace, so the check would hold good orders.
 */
final class AmazonOrders {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TAKE = Set.of("Unshipped", "PartiallyShipped");

  private AmazonOrders() {}

  /** The message the poller stores for one order in one state. */
  static InboundMessage message(JsonNode order, List<JsonNode> items) {
    ObjectNode body = JSON.createObjectNode();
    body.set("order", order);
    body.putArray("items").addAll(items);
    String id = order.path("AmazonOrderId").asText();
    String status = order.path("OrderStatus").asText();
    // One delivery per order and state: a poll that sees it again in the same state is a duplicate.
    String delivery = id + "@" + status + "@" + order.path("LastUpdateDate").asText();
    return new InboundMessage(delivery, "order/" + status, Map.of(), body.toString());
  }

  /** Whether Hanse takes this order, and so needs its items. */
  static boolean needsItems(JsonNode order) {
    return TAKE.contains(order.path("OrderStatus").asText(""))
        && !"AFN".equals(text(order, "FulfillmentChannel"));
  }

  /** An order whose items could not be had: stored so that it is seen (FAILED) and replayable. */
  static InboundMessage unreadable(JsonNode order, String error) {
    InboundMessage normal = message(order, List.of());
    ObjectNode body = JSON.createObjectNode();
    body.set("order", order);
    body.put("error", error == null ? "unknown error" : error);
    return new InboundMessage(normal.deliveryId(), "order/unreadable", Map.of(), body.toString());
  }

  static ChannelAction map(InboundMessage message) {
    JsonNode body;
    try {
      body = JSON.readTree(message.body());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (message.topic().equals("order/unreadable")) {
      throw new IllegalArgumentException(
          "Amazon did not give this order's items: " + body.path("error").asText());
    }
    JsonNode order = body.path("order");
    String id = text(order, "AmazonOrderId");
    if (id == null) {
      throw new IllegalArgumentException("not an Amazon order: no AmazonOrderId");
    }
    String status = order.path("OrderStatus").asText("");
    if (status.equals("Canceled")) {
      return ChannelAction.cancel(id, "cancelled on Amazon");
    }
    if ("AFN".equals(text(order, "FulfillmentChannel"))) {
      return ChannelAction.ignore(id, "fulfilled by Amazon");
    }
    if (!TAKE.contains(status)) {
      return ChannelAction.ignore(id, "status " + status + " is not taken");
    }
    List<String> problems = new ArrayList<>();
    List<OrderLineRequest> lines = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      int quantity = item.path("QuantityOrdered").asInt() - item.path("QuantityShipped").asInt(0);
      if (quantity <= 0) {
        continue;
      }
      String sku = text(item, "SellerSKU");
      if (sku == null) {
        problems.add("item " + text(item, "OrderItemId") + " has no SellerSKU");
        continue;
      }
      lines.add(new OrderLineRequest(sku, quantity, Map.of()));
    }
    if (lines.isEmpty()) {
      problems.add("no item left to ship");
    }
    JsonNode buyer = order.path("BuyerInfo");
    JsonNode ship = order.path("ShippingAddress");
    String email = text(buyer, "BuyerEmail");
    if (email == null) {
      problems.add("missing buyer e-mail (restricted data token?)");
      email = "amazon-" + id + "@customers.invalid";
    }
    String name = text(buyer, "BuyerName");
    CustomerRef customer =
        new CustomerRef(email, name == null ? text(ship, "Name") : name, text(ship, "Phone"));
    Address address = null;
    if (text(ship, "AddressLine1") == null) {
      problems.add("missing shipping address (restricted data token?)");
    } else {
      address =
          new Address(
              text(ship, "AddressLine1"),
              text(ship, "AddressLine2"),
              text(ship, "City"),
              text(ship, "StateOrRegion"),
              text(ship, "PostalCode"),
              text(ship, "CountryCode"));
    }
    return ChannelAction.place(
        new OrderSubmission("amazon", id, null, null, customer, address, lines), problems);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }
}
