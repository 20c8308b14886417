package io.hanse.oms.channel.shopify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.order.OrderLineRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyOrdersTest {

  private static ChannelAction map(String topic, String body) {
    return ShopifyOrders.map(new InboundMessage("d1", topic, Map.of(), body));
  }

  private static String sample() {
    return new String(Fixture.bytes("shopify_orders_webhook_docs_sample.json"), UTF_8);
  }

  @Test
  void thePublishedSampleIsACancelledOrder() {
    ChannelAction action = map("orders/updated", sample());
    assertEquals(ChannelAction.Kind.CANCEL, action.kind());
    assertEquals("820982911946154508", action.externalId());
  }

  @Test
  void thePublishedSampleAsANewOrderIsHeldForItsTotals() {
    String open =
        sample()
            .replace("\"cancelled_at\": \"2021-12-31T19:00:00-05:00\"", "\"cancelled_at\": null");
    ChannelAction action = map("orders/create", open);
    assertEquals(ChannelAction.Kind.PLACE, action.kind());
    var s = action.submission();
    assertEquals("820982911946154508", s.externalId());
    assertEquals("jon@example.com", s.customer().email());
    assertEquals("John Smith", s.customer().name());
    assertEquals("KY", s.shippingAddress().region());
    assertEquals("US", s.shippingAddress().country());
    assertEquals(1, s.lines().size());
    assertEquals(new OrderLineRequest("SKU2006-001", 1, Map.of()), s.lines().get(0));
    // Shopify's own sample says the line items total 414.95; its one line is 89.99.
    assertEquals(1, action.problems().size(), action.problems().toString());
    assertTrue(action.problems().get(0).startsWith("totals don't add up"));
  }

  @Test
  void theRestFixtureMapsEveryLine() {
    String body = new String(Fixture.bytes("shopify_order_rest_fixture.json"), UTF_8);
    String order = body.substring(body.indexOf('{', 1), body.lastIndexOf('}'));
    ChannelAction action = map("orders/create", order);
    assertEquals("450789469", action.externalId());
    assertEquals(3, action.submission().lines().size());
    assertEquals("bob.norman@hostmail.com", action.submission().customer().email());
  }

  @Test
  void missingAddressEmailAndSkuAreProblemsNotFailures() {
    String body =
        "{\"id\": 7, \"total_line_items_price\": \"30.00\", \"line_items\": ["
            + "{\"title\": \"Mug\", \"sku\": \"MUG-1\", \"price\": \"10.00\", \"quantity\": 2},"
            + "{\"title\": \"Custom\", \"sku\": \"\", \"price\": \"10.00\", \"quantity\": 1}]}";
    ChannelAction action = map("orders/create", body);
    assertEquals(ChannelAction.Kind.PLACE, action.kind());
    assertEquals(1, action.submission().lines().size());
    assertEquals("shopify-7@customers.invalid", action.submission().customer().email());
    assertEquals(
        java.util.List.of(
            "line 'Custom' has no SKU", "missing customer e-mail", "missing shipping address"),
        action.problems());
  }

  @Test
  void otherTopicsAreIgnoredAndGarbageIsRefused() {
    assertEquals(ChannelAction.Kind.IGNORE, map("products/update", "{\"id\": 1}").kind());
    // only the signed body cancels: the topic header is not signed
    assertEquals(ChannelAction.Kind.IGNORE, map("orders/cancelled", "{\"id\": 1}").kind());
    assertEquals(ChannelAction.Kind.IGNORE, map("orders/updated", "{\"id\": 1}").kind());
    assertThrows(IllegalArgumentException.class, () -> map("orders/create", "not json"));
    assertThrows(IllegalArgumentException.class, () -> map("orders/create", "{\"name\": 1}"));
  }
}
