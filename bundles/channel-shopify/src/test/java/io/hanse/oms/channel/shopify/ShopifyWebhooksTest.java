package io.hanse.oms.channel.shopify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyWebhooksTest {
  private static final String SAMPLE = "shopify_orders_webhook_docs_sample.json";

  private static WebhookRequest request(byte[] body, String hmac, String topic, String id) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    if (hmac != null) {
      headers.put("X-Shopify-Hmac-SHA256", List.of(hmac)); // header names are case-insensitive
    }
    if (topic != null) {
      headers.put("x-shopify-topic", List.of(topic));
    }
    if (id != null) {
      headers.put("X-Shopify-Webhook-Id", List.of(id));
    }
    headers.put("X-Shopify-Shop-Domain", List.of("example.myshopify.com"));
    return new WebhookRequest(headers, body);
  }

  @Test
  void publishedVectorsVerify() {
    // shopify-api-js process.test.ts
    assertEquals(
        "whZTLhA7huY97fFO2wQU8i6CSxBGsM289q1MWkxqp2g=",
        Base64.getEncoder()
            .encodeToString(
                ShopifyWebhooks.hmac("kitties are cute", "{\"foo\": \"bar\"}".getBytes(UTF_8))));
    InboundMessage message =
        ShopifyWebhooks.verify(
            request(
                Fixture.bytes(SAMPLE),
                "dSeG0J0rcyWhax0i/tfYztQyoz2FJe+NSpxU3mVrvYo=",
                "orders/create",
                "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"),
            "test_shopify_secret");
    assertEquals("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", message.deliveryId());
    assertEquals("orders/create", message.topic());
    assertEquals("example.myshopify.com", message.headers().get("X-Shopify-Shop-Domain"));
    assertFalse(message.headers().containsKey(ShopifyWebhooks.HMAC), "the signature is not kept");
  }

  @Test
  void oneChangedByteWrongSecretOrMissingHeaderIsRejected() {
    byte[] body = Fixture.bytes(SAMPLE);
    String good = "dSeG0J0rcyWhax0i/tfYztQyoz2FJe+NSpxU3mVrvYo=";
    byte[] changed = body.clone();
    changed[100] ^= 1;
    assertThrows(
        WebhookRejectedException.class,
        () ->
            ShopifyWebhooks.verify(
                request(changed, good, "orders/create", "1"), "test_shopify_secret"));
    assertThrows(
        WebhookRejectedException.class,
        () -> ShopifyWebhooks.verify(request(body, good, "orders/create", "1"), "another secret"));
    assertThrows(
        WebhookRejectedException.class,
        () ->
            ShopifyWebhooks.verify(
                request(body, null, "orders/create", "1"), "test_shopify_secret"));
    assertThrows(
        WebhookRejectedException.class,
        () ->
            ShopifyWebhooks.verify(
                request(body, "%%%", "orders/create", "1"), "test_shopify_secret"));
    assertThrows(
        WebhookRejectedException.class,
        () -> ShopifyWebhooks.verify(request(body, good, null, "1"), "test_shopify_secret"));
  }

  @Test
  void aDeliveryWithoutIdIsNamedByItsBody() {
    byte[] body = "{\"id\":1}".getBytes(UTF_8);
    String hmac = Base64.getEncoder().encodeToString(ShopifyWebhooks.hmac("s", body));
    InboundMessage a = ShopifyWebhooks.verify(request(body, hmac, "orders/create", null), "s");
    InboundMessage b = ShopifyWebhooks.verify(request(body, hmac, "orders/create", null), "s");
    assertTrue(a.deliveryId().startsWith("sha256:"));
    assertEquals(a.deliveryId(), b.deliveryId());
  }
}
