package io.hanse.oms.channel.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelShipment;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * WooCommerce's REST API v3, as far as Hanse needs it: {@code stock_quantity} of products and
 * variations, order notes and order status. Throttling and server errors are IOExceptions, which
 * the core retries with backoff.
 */
final class WooApi {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WooApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long UNLISTED_MILLIS = 10 * 60_000L;

  /** A product or variation of the site, by SKU. */
  private record Listing(long id, long parentId) {}

  private final HttpClient http;
  private final String base;
  private final String authorization;
  private final Duration timeout;
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  private final Map<String, Long> unlisted = new ConcurrentHashMap<>();

  WooApi(String siteUrl, String key, String secret, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.base = siteUrl.replaceAll("/+$", "") + "/wp-json/wc/v3";
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
  }

  /**
   * Sets stock quantities. A product the site no longer has (deleted, re-created under another id)
   * is forgotten and looked up again next time; it does not hold up the others.
   */
  void setStock(List<Availability> levels) throws IOException {
    ArrayNode products = JSON.createArrayNode();
    Map<Long, String> skuOfId = new java.util.HashMap<>();
    for (Availability level : levels) {
      Listing listing = listing(level.sku());
      if (listing == null) {
        continue;
      }
      ObjectNode update =
          JSON.createObjectNode()
              .put("id", listing.id())
              .put("manage_stock", true)
              .put("stock_quantity", level.quantity());
      if (listing.parentId() > 0) {
        try {
          send("PUT", "/products/" + listing.parentId() + "/variations/" + listing.id(), update);
        } catch (NotFound gone) {
          forget(level.sku());
        }
      } else {
        products.add(update);
        skuOfId.put(listing.id(), level.sku());
      }
    }
    for (int i = 0; i < products.size(); i += 100) {
      ArrayNode chunk = JSON.createArrayNode();
      for (int j = i; j < Math.min(products.size(), i + 100); j++) {
        chunk.add(products.get(j));
      }
      ObjectNode batch = JSON.createObjectNode();
      batch.set("update", chunk);
      // The batch answers 200 and names a failed item by an "error" of its own.
      for (JsonNode item : send("POST", "/products/batch", batch).path("update")) {
        if (item.has("error")) {
          String sku = skuOfId.get(item.path("id").asLong());
          LOG.warn(
              "WooCommerce did not take the stock of {}: {}",
              sku,
              item.path("error").path("message").asText(item.path("error").toString()));
          if (sku != null) {
            forget(sku);
          }
        }
      }
    }
  }

  private void forget(String sku) {
    listings.remove(sku);
  }

  /** A 404: the thing asked for is not there (any more). */
  static final class NotFound extends IOException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  private Listing listing(String sku) throws IOException {
    Listing known = listings.get(sku);
    if (known != null) {
      return known;
    }
    long now = System.currentTimeMillis();
    if (unlisted.getOrDefault(sku, 0L) > now - UNLISTED_MILLIS) {
      return null;
    }
    JsonNode found =
        send("GET", "/products?sku=" + URLEncoder.encode(sku, StandardCharsets.UTF_8), null);
    for (JsonNode product : found) {
      if (sku.equals(product.path("sku").asText())) {
        Listing listing =
            new Listing(product.path("id").asLong(), product.path("parent_id").asLong(0));
        listings.put(sku, listing);
        unlisted.remove(sku);
        return listing;
      }
    }
    unlisted.put(sku, now);
    return null;
  }

  void shipped(ChannelShipment shipment) throws IOException {
    String units =
        shipment.lines().stream()
            .map(l -> l.quantity() + " x " + l.sku())
            .collect(Collectors.joining(", "));
    ObjectNode note =
        JSON.createObjectNode()
            .put(
                "note",
                "Shipped with "
                    + shipment.carrier()
                    + ", tracking number "
                    + shipment.trackingNumber()
                    + ": "
                    + units)
            .put("customer_note", true);
    send("POST", "/orders/" + shipment.externalId() + "/notes", note);
    if (shipment.complete()) {
      status(shipment.externalId(), "completed");
    }
  }

  void status(String externalId, String status) throws IOException {
    send("PUT", "/orders/" + externalId, JSON.createObjectNode().put("status", status));
  }

  private JsonNode send(String method, String path, JsonNode body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      String message = "";
      try {
        message = ": " + JSON.readTree(response.body()).path("message").asText("");
      } catch (IOException notJson) {
        // the status says enough
      }
      if (response.statusCode() == 404) {
        throw new NotFound("WooCommerce answered HTTP 404" + message);
      }
      throw new IOException("WooCommerce answered HTTP " + response.statusCode() + message);
    }
    return JSON.readTree(response.body());
  }
}
