package io.hanse.oms.channel.amazon;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmazonOrdersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode publishedOrder() throws Exception {
    return JSON.readTree(
            new String(Fixture.bytes("amazon_spapi_orders_v0_getOrders_response.json"), UTF_8))
        .path("payload")
        .path("Orders")
        .get(0);
  }

  static List<JsonNode> publishedItems() throws Exception {
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(
            new String(Fixture.bytes("amazon_spapi_orders_v0_getOrderItems_response.json"), UTF_8))
        .path("payload")
        .path("OrderItems")
        .forEach(items::add);
    return items;
  }

  @Test
  void thePublishedPendingOrderWaitsForItsPayment() throws Exception {
    InboundMessage message = AmazonOrders.message(publishedOrder(), publishedItems());
    assertEquals("902-3159896-1390916@Pending@2017-01-20T19:49:35Z", message.deliveryId());
    ChannelAction action = AmazonOrders.map(message);
    assertEquals(ChannelAction.Kind.IGNORE, action.kind());
  }

  @Test
  void anUnshippedOrderIsTakenWithWhatIsLeftToShip() throws Exception {
    ObjectNode order = (ObjectNode) publishedOrder();
    order.put("OrderStatus", "Unshipped");
    ChannelAction action = AmazonOrders.map(AmazonOrders.message(order, publishedItems()));
    assertEquals(ChannelAction.Kind.PLACE, action.kind());
    assertEquals("902-3159896-1390916", action.externalId());
    var s = action.submission();
    assertEquals("user@example.com", s.customer().email());
    assertEquals("John Doe", s.customer().name());
    assertEquals("MI", s.shippingAddress().region());
    // item 1 ordered 1 and shipped 1: nothing left; item 2 ordered 2
    assertEquals(1, s.lines().size());
    assertEquals("CBA_OTF_5", s.lines().get(0).sku());
    assertEquals(2, s.lines().get(0).quantity());
    assertTrue(action.problems().isEmpty(), action.problems().toString());
  }

  @Test
  void withoutRestrictedDataTheOrderIsHeldForItsAddress() throws Exception {
    ObjectNode order = (ObjectNode) publishedOrder();
    order.put("OrderStatus", "Unshipped");
    order.remove("ShippingAddress");
    order.remove("BuyerInfo");
    ChannelAction action = AmazonOrders.map(AmazonOrders.message(order, publishedItems()));
    assertEquals(2, action.problems().size(), action.problems().toString());
  }

  @Test
  void cancelledAndAmazonFulfilledOrders() throws Exception {
    ObjectNode order = (ObjectNode) publishedOrder();
    order.put("OrderStatus", "Canceled");
    assertEquals(
        ChannelAction.Kind.CANCEL, AmazonOrders.map(AmazonOrders.message(order, List.of())).kind());
    order.put("OrderStatus", "Unshipped").put("FulfillmentChannel", "AFN");
    assertEquals(
        ChannelAction.Kind.IGNORE, AmazonOrders.map(AmazonOrders.message(order, List.of())).kind());
  }
}
