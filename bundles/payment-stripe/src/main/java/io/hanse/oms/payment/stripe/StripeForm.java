package io.hanse.oms.payment.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request body as Stripe's API takes it: {@code application/x-www-form-urlencoded}, nested keys
 * written as {@code metadata[order_id]}. Its {@link #toString()} names the keys only, since values
 * may be card data.
 */
final class StripeForm {
  private final List<Map.Entry<String, String>> fields = new ArrayList<>();

  /** Adds a field; a {@code null} or blank value is left out, as Stripe reads it as "unset". */
  StripeForm add(String key, String value) {
    if (value != null && !value.isBlank()) {
      fields.add(Map.entry(key, value));
    }
    return this;
  }

  StripeForm add(String key, long value) {
    fields.add(Map.entry(key, Long.toString(value)));
    return this;
  }

  StripeForm add(String key, boolean value) {
    fields.add(Map.entry(key, Boolean.toString(value)));
    return this;
  }

  /**
   * The encoded body. Brackets of nested keys stay readable, as Stripe's own libraries send them.
   */
  String encode() {
    return fields.stream()
        .map(f -> encodeKey(f.getKey()) + "=" + encodeValue(f.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encodeKey(String key) {
    return encodeValue(key).replace("%5B", "[").replace("%5D", "]");
  }

  private static String encodeValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return fields.stream().map(Map.Entry::getKey).collect(Collectors.joining(", ", "form[", "]"));
  }
}
