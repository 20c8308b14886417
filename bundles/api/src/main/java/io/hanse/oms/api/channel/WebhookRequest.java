package io.hanse.oms.api.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An inbound HTTP request as a connector sees it: headers by lower-case name, and the raw body,
 * byte for byte, since signatures are computed over it.
 */
public final class WebhookRequest {
  private final Map<String, List<String>> headers;
  private final byte[] body;

  public WebhookRequest(Map<String, List<String>> headers, byte[] body) {
    Map<String, List<String>> byName = new TreeMap<>();
    headers.forEach(
        (name, values) -> byName.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    this.headers = Map.copyOf(byName);
    this.body = body.clone();
  }

  /** The first value of a header, or {@code null}; names are case-insensitive. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The raw body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
