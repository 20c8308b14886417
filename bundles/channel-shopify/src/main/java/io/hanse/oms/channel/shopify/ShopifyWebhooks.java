package io.hanse.oms.channel.shopify;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    String signature = request.header(HMAC);
    if (signature == null || signature.isBlank()) {
      throw new WebhookRejectedException("missing " + HMAC + " header");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(HMAC + " is not base64");
    }
    byte[] body = request.body();
    if (!MessageDigest.isEqual(given, hmac(secret, body))) {
      throw new WebhookRejectedException("the signature does not match the body");
    }
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
      delivery = "sha256:" + HexFormat.of().formatHex(sha256(body)).substring(0, 40);
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
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
