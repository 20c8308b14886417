package io.hanse.oms.channel.woocommerce;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce's webhook signature: base64 of HMAC-SHA256 over the raw (JSON-encoded) body with the
 * webhook's secret, in {@code X-WC-Webhook-Signature}.
 */
final class WooWebhooks {
  static final String SIGNATURE = "X-WC-Webhook-Signature";
  static final String TOPIC = "X-WC-Webhook-Topic";
  static final String DELIVERY_ID = "X-WC-Webhook-Delivery-ID";
  private static final List<String> KEPT =
      List.of(
          TOPIC,
          DELIVERY_ID,
          "X-WC-Webhook-ID",
          "X-WC-Webhook-Source",
          "X-WC-Webhook-Resource",
          "X-WC-Webhook-Event",
          "Content-Type");

  private WooWebhooks() {}

  static InboundMessage verify(WebhookRequest request, String secret) {
    Signatures.requireBase64HmacSha256(request, SIGNATURE, secret);
    // WooCommerce pings a new webhook with "webhook_id=N" and no topic: answer it, act on nothing.
    String topic = request.header(TOPIC);
    if (topic == null || topic.isBlank()) {
      topic = "ping";
    }
    String delivery = request.header(DELIVERY_ID);
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
}
