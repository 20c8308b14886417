package io.hanse.oms.channel.woocommerce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookPingException;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooWebhooksTest {
  private static final String SAMPLE = "woocommerce_v3_order_retrieve.json";
  private static final String SAMPLE_SIGNATURE = "IzMCXy1KT93X2LZOzavXc7LOEuLqCUPxcaBdwSz4FVY=";

  static WebhookRequest request(byte[] body, String signature, String topic, String delivery) {
    Map<String, List<String>> headers = new HashMap<>();
    if (signature != null) {
      headers.put("x-wc-webhook-signature", List.of(signature));
    }
    if (topic != null) {
      headers.put("X-WC-Webhook-Topic", List.of(topic));
    }
    if (delivery != null) {
      headers.put("X-WC-Webhook-Delivery-ID", List.of(delivery));
    }
    headers.put("X-WC-Webhook-Source", List.of("https://shop.example.com/"));
    return new WebhookRequest(headers, body);
  }

  @Test
  void thePublishedSampleVerifiesAndMaps() {
    InboundMessage message =
        WooWebhooks.verify(
            request(Fixture.bytes(SAMPLE), SAMPLE_SIGNATURE, "order.created", "417"),
            "test_wc_secret");
    assertTrue(message.deliveryId().startsWith("wc:"), message.deliveryId());
    InboundMessage again =
        WooWebhooks.verify(
            request(Fixture.bytes(SAMPLE), SAMPLE_SIGNATURE, "order.created", "418"),
            "test_wc_secret");
    assertEquals(message.deliveryId(), again.deliveryId(), "named by its signed body");
    assertFalse(message.headers().containsKey(WooWebhooks.SIGNATURE));
    ChannelAction action = WooOrders.map(message);
    assertEquals(ChannelAction.Kind.PLACE, action.kind());
    assertEquals("727", action.externalId());
    assertEquals("john.doe@example.com", action.submission().customer().email());
    assertEquals("CA", action.submission().shippingAddress().region());
    assertEquals(1, action.submission().lines().size());
    assertEquals("Bar3", action.submission().lines().get(0).sku());
    // the docs' sample has a line without a SKU; its totals add up (6 + 12 + 10 shipping + 1.35
    // tax)
    assertEquals(List.of("line 'Woo Single #1' has no SKU"), action.problems());
  }

  @Test
  void forgedOrBrokenDeliveriesAreRejected() {
    byte[] body = Fixture.bytes(SAMPLE);
    byte[] changed = body.clone();
    changed[50] ^= 1;
    assertThrows(
        WebhookRejectedException.class,
        () ->
            WooWebhooks.verify(
                request(changed, SAMPLE_SIGNATURE, "order.created", "1"), "test_wc_secret"));
    assertThrows(
        WebhookRejectedException.class,
        () -> WooWebhooks.verify(request(body, SAMPLE_SIGNATURE, "order.created", "1"), "other"));
    assertThrows(
        WebhookRejectedException.class,
        () -> WooWebhooks.verify(request(body, null, "order.created", "1"), "test_wc_secret"));
  }

  @Test
  void statusesDecideWhatHappens() {
    String base = new String(Fixture.bytes(SAMPLE), UTF_8);
    assertEquals(
        ChannelAction.Kind.IGNORE, map(base.replace("\"processing\"", "\"pending\"")).kind());
    assertEquals(
        ChannelAction.Kind.CANCEL, map(base.replace("\"processing\"", "\"cancelled\"")).kind());
    assertEquals(
        ChannelAction.Kind.CANCEL, map(base.replace("\"processing\"", "\"refunded\"")).kind());
    // a declined payment may be paid again: not a cancellation
    assertEquals(
        ChannelAction.Kind.IGNORE, map(base.replace("\"processing\"", "\"failed\"")).kind());
    assertEquals(
        ChannelAction.Kind.PLACE, map(base.replace("\"processing\"", "\"on-hold\"")).kind());
    assertEquals(
        ChannelAction.Kind.IGNORE, map(base.replace("\"processing\"", "\"completed\"")).kind());
  }

  @Test
  void anUnsignedPingIsAnsweredAndNothingElseIs() {
    byte[] ping = "webhook_id=12".getBytes(UTF_8);
    assertThrows(
        WebhookPingException.class, () -> WooWebhooks.verify(request(ping, null, null, null), "s"));
    byte[] notPing = "webhook_id=12&x=1".getBytes(UTF_8);
    assertThrows(
        WebhookRejectedException.class,
        () -> WooWebhooks.verify(request(notPing, null, null, null), "s"));
    String signature = Base64.getEncoder().encodeToString(Signatures.hmacSha256("s", notPing));
    assertThrows(
        WebhookRejectedException.class,
        () -> WooWebhooks.verify(request(notPing, signature, null, null), "s"),
        "a signed message still needs its topic");
  }

  private static ChannelAction map(String body) {
    return WooOrders.map(new InboundMessage("d", "order.updated", Map.of(), body));
  }
}
