package io.hanse.oms.channel.shopify;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's webhook signature: base64 of HMAC-SHA256 over the raw body, keyed with the app's client
 * secret, in {@code X-Shopify-Hmac-Sha256}; compared in constant time.
 */
final class ShopifyWebhooks {
  static final String HMAC = "X-Shopify-Hmac-Sha256";
  static final String TOPIC = "X-Shopify-Topic";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
  static final String EVENT_ID = "X-Shopify-Event-Id";

  /** Headers kept with the message for support; never the signature. */
  private static final List<String> KEPT =
      List.of(
          TOPIC,
          WEBHOOK_ID,
          EVENT_ID,
          "X-Shopify-Shop-Domain",
          "X-Shopify-API-Version",
          "X-Shopify-Triggered-At",
          "Content-Type");

  private ShopifyWebhooks() {}

  static InboundMessage verify(WebhookRequest request, String secret) {
    Signatures.requireBase64HmacSha256(request, HMAC, secret);
    String topic = request.header(TOPIC);
    if (topic == null || topic.isBlank()) {
      throw new WebhookRejectedException("missing " + TOPIC + " header");
    }
    // Shopify names each delivery; older deliveries and replays from the admin may lack the id.
    String delivery = request.header(WEBHOOK_ID);
    if (delivery == null || delivery.isBlank()) {
      delivery = request.header(EVENT_ID);
    }
    if (delivery == null || delivery.isBlank()) {
      delivery = Signatures.bodyId(request.body());
    }
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : KEPT) {
      String value = request.header(name);
      if (value != null) {
        kept.put(name, value.length() > 200 ? value.substring(0, 200) : value);
      }
    }
    return new InboundMessage(delivery.trim(), topic.trim(), kept, request.text());
  }

  static byte[] hmac(String secret, byte[] body) {
    return Signatures.hmacSha256(secret, body);
  }
}
