package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]},
 * where each {@code v1} is the hex HMAC-SHA256 of {@code "<t>.<raw body>"} under the endpoint's
 * signing secret. Several {@code v1} are sent while a secret is being rolled; one must match,
 * compared in constant time. The timestamp must be within the tolerance of now, in either
 * direction, so a captured delivery can't be replayed later.
 */
final class StripeSignature {
  static final String HEADER = "Stripe-Signature";

  private StripeSignature() {}

  /**
   * Checks one delivery's signature and timestamp.
   *
   * @throws WebhookRejectedException when the header is missing or garbled, no signature matches,
   *     or the timestamp is outside the tolerance
   */
  static void verify(WebhookRequest request, String secret, Duration tolerance, Instant now) {
    if (secret == null || secret.isBlank()) {
      throw new WebhookRejectedException(
          "Stripe webhooks are not accepted: webhookSecret is not configured");
    }
    String header = request.header(HEADER);
    if (header == null || header.isBlank()) {
      throw new WebhookRejectedException("missing " + HEADER + " header");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        timestamp = seconds(value);
      } else if (key.equals("v1")) {
        byte[] signature = hex(value);
        if (signature != null) {
          signatures.add(signature);
        }
      }
    }
    if (timestamp == null) {
      throw new WebhookRejectedException(HEADER + " has no valid timestamp (t=)");
    }
    if (signatures.isEmpty()) {
      throw new WebhookRejectedException(HEADER + " has no v1 signature");
    }
    byte[] expected = hmac(secret, timestamp, request.body());
    boolean matches = false;
    for (byte[] signature : signatures) {
      // no early exit: every candidate is compared, each in constant time
      matches |= MessageDigest.isEqual(expected, signature);
    }
    if (!matches) {
      throw new WebhookRejectedException("no Stripe signature matches the body");
    }
    long skew = Math.abs(now.getEpochSecond() - timestamp);
    if (skew > tolerance.toSeconds()) {
      throw new WebhookRejectedException(
          "the Stripe signature's timestamp is "
              + skew
              + " s from now, outside the tolerance of "
              + tolerance.toSeconds()
              + " s");
    }
  }

  /** The {@code v1} signature of {@code body} signed at {@code timestamp}, in hex. */
  static String sign(String secret, long timestamp, byte[] body) {
    return HexFormat.of().formatHex(hmac(secret, timestamp, body));
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, payload, 0, prefix.length);
    System.arraycopy(body, 0, payload, prefix.length, body.length);
    return Signatures.hmacSha256(secret, payload);
  }

  private static Long seconds(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] hex(String value) {
    try {
      return HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
