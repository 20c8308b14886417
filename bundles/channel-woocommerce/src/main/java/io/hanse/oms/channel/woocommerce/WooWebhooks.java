package io.hanse.oms.channel.woocommerce;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookPingException;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

  private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,20}");

  private WooWebhooks() {}

  static InboundMessage verify(WebhookRequest request, String secret) {
    String topic = request.header(TOPIC);
    if ((topic == null || topic.isBlank()) && PING.matcher(request.text()).matches()) {
      // WooCommerce pings a new webhook, unsigned, with "webhook_id=N": answer it, store nothing.
      throw new WebhookPingException("webhook ping answered");
    }
    Signatures.requireBase64HmacSha256(request, SIGNATURE, secret);
    if (topic == null || topic.isBlank()) {
      throw new WebhookRejectedException("missing " + TOPIC + " header");
    }
    // Not X-WC-Webhook-Delivery-ID: WooCommerce derives it from the webhook and the second, so two
    // events in one second would share it. The signed body (with date_modified) tells them apart.
    String delivery =
        "wc:"
            + request.header("X-WC-Webhook-ID")
            + ":"
            + topic.trim()
            + ":"
            + Signatures.bodyId(request.body());
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
