package io.hanse.oms.api.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature most platforms use (Shopify, WooCommerce, POS terminals): HMAC-SHA256 over
 * the raw body, base64 in a header, compared in constant time.
 */
public final class Signatures {
  private Signatures() {}

  public static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Checks a base64 HMAC-SHA256 signature header.
   *
   * @throws WebhookRejectedException when the header is missing, not base64 or does not match
   */
  public static void requireBase64HmacSha256(WebhookRequest request, String header, String secret) {
    String signature = request.header(header);
    if (signature == null || signature.isBlank()) {
      throw new WebhookRejectedException("missing " + header + " header");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(header + " is not base64");
    }
    if (!MessageDigest.isEqual(given, hmacSha256(secret, request.body()))) {
      throw new WebhookRejectedException("the signature does not match the body");
    }
  }

  /** A stable name for a delivery that carries no id of its own: a hash of its body. */
  public static String bodyId(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "sha256:" + java.util.HexFormat.of().formatHex(hash).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
