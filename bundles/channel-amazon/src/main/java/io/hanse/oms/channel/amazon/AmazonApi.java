package io.hanse.oms.channel.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.ChannelShipment;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Selling Partner API calls Hanse makes: Login with Amazon tokens (and restricted data tokens
 * for buyer data), getOrders and getOrderItems with NextToken paging, Listings Items quantities and
 * shipment confirmation. A 429 is waited out with backoff a few times, then is an IOException.
 */
class AmazonApi {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AmazonApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Carriers Amazon knows by these codes; any other goes as "Other" with its name. */
  private static final java.util.Set<String> CARRIER_CODES =
      java.util.Set.of(
          "UPS",
          "USPS",
          "FedEx",
          "DHL",
          "DHL eCommerce",
          "Deutsche Post",
          "Hermes",
          "DPD",
          "GLS",
          "Royal Mail",
          "Parcelforce",
          "La Poste",
          "Chronopost",
          "Colissimo",
          "PostNL",
          "Poste Italiane",
          "Correos",
          "SEUR",
          "TNT",
          "Canada Post",
          "Japan Post",
          "Yamato Transport",
          "Amazon Shipping");

  private static final int THROTTLE_RETRIES = 5;

  private final HttpClient http;
  private final AmazonConfig config;
  private final String endpoint;
  private final Duration timeout;
  private final long backoffMillis;
  private String accessToken;
  private Instant accessTokenExpires = Instant.EPOCH;

  AmazonApi(AmazonConfig config, long backoffMillis) {
    this.config = config;
    this.endpoint = config.endpoint().replaceAll("/+$", "");
    this.timeout = Duration.ofMillis(Math.max(1000, config.timeoutMillis()));
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.backoffMillis = backoffMillis;
  }

  /** One page of getOrders: the orders and the token of the next page, if any. */
  record Page(List<JsonNode> orders, String nextToken) {}

  Page orders(Instant lastUpdatedAfter, Instant lastUpdatedBefore, String nextToken)
      throws IOException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("MarketplaceIds", config.marketplaceId());
    if (nextToken != null) {
      query.put("NextToken", nextToken);
    } else {
      query.put("LastUpdatedAfter", lastUpdatedAfter.toString());
      query.put("LastUpdatedBefore", lastUpdatedBefore.toString());
    }
    String path = "/orders/v0/orders";
    JsonNode payload = get(path + query(query), ordersToken(path)).path("payload");
    List<JsonNode> orders = new ArrayList<>();
    payload.path("Orders").forEach(orders::add);
    String next = payload.path("NextToken").asText(null);
    return new Page(orders, next == null || next.isBlank() ? null : next);
  }

  List<JsonNode> orderItems(String amazonOrderId) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    String next = null;
    String path = "/orders/v0/orders/" + encode(amazonOrderId) + "/orderItems";
    do {
      String q = next == null ? "" : query(Map.of("NextToken", next));
      JsonNode payload = get(path + q, lwaToken()).path("payload");
      payload.path("OrderItems").forEach(items::add);
      next = payload.path("NextToken").asText(null);
    } while (next != null && !next.isBlank());
    return items;
  }

  /**
   * Sets the quantity of a listing; a SKU not listed on this marketplace is skipped.
   *
   * @return false when the SKU is not listed
   */
  boolean setQuantity(String sku, int quantity) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("productType", "PRODUCT");
    ObjectNode patch = body.putArray("patches").addObject();
    patch.put("op", "replace").put("path", "/attributes/fulfillment_availability");
    patch
        .putArray("value")
        .addObject()
        .put("fulfillment_channel_code", "DEFAULT")
        .put("quantity", quantity);
    String path =
        "/listings/2021-08-01/items/"
            + encode(config.sellerId())
            + "/"
            + encode(sku)
            + query(Map.of("marketplaceIds", config.marketplaceId()));
    HttpResponse<String> response = send("PATCH", path, body, lwaToken());
    if (response.statusCode() == 404) {
      return false;
    }
    JsonNode answer = check(response);
    if ("INVALID".equals(answer.path("status").asText())) {
      // One listing Amazon will not take must not hold up the others: say so and go on.
      List<String> issues = new ArrayList<>();
      answer.path("issues").forEach(i -> issues.add(i.path("message").asText()));
      LOG.warn("Amazon refused the quantity of {}: {}", sku, issues);
    }
    return true;
  }

  void confirmShipment(ChannelShipment shipment) throws IOException {
    // Each SKU's order items with what is left to ship on each: one SKU may be on several items.
    Map<String, List<JsonNode>> itemsOfSku = new HashMap<>();
    for (JsonNode item : orderItems(shipment.externalId())) {
      itemsOfSku.computeIfAbsent(item.path("SellerSKU").asText(), k -> new ArrayList<>()).add(item);
    }
    ObjectNode body = JSON.createObjectNode().put("marketplaceId", config.marketplaceId());
    ObjectNode pkg = body.putObject("packageDetail");
    // Amazon wants a positive number, unique within the order, per package.
    pkg.put(
        "packageReferenceId",
        String.valueOf(Math.abs((long) shipment.shipmentId().hashCode()) + 1));
    if (CARRIER_CODES.contains(shipment.carrier())) {
      pkg.put("carrierCode", shipment.carrier());
    } else {
      pkg.put("carrierCode", "Other").put("carrierName", shipment.carrier());
    }
    pkg.put("trackingNumber", shipment.trackingNumber());
    pkg.put("shipDate", Instant.now().toString());
    ArrayNode items = pkg.putArray("orderItems");
    for (SkuQuantity line : shipment.lines()) {
      List<JsonNode> candidates = itemsOfSku.getOrDefault(line.sku(), List.of());
      int left = line.quantity();
      for (JsonNode item : candidates) {
        int open = item.path("QuantityOrdered").asInt() - item.path("QuantityShipped").asInt(0);
        int take = Math.min(left, Math.max(0, open));
        if (take > 0) {
          items
              .addObject()
              .put("orderItemId", item.path("OrderItemId").asText())
              .put("quantity", take);
          left -= take;
        }
      }
      if (left > 0 && left < line.quantity()) { // none open: confirmed before
        throw new IOException(
            "order "
                + shipment.externalId()
                + " has no open item for "
                + left
                + " x "
                + line.sku());
      }
    }
    if (items.isEmpty()) {
      return; // nothing of it is open on Amazon: confirmed already (an answer that got lost)
    }
    String path = "/orders/v0/orders/" + encode(shipment.externalId()) + "/shipmentConfirmation";
    check(send("POST", path, body, lwaToken()));
  }

  /**
   * Cancels a merchant-fulfilled order the only way Amazon offers: an order acknowledgement feed
   * with status Failure (create a feed document, upload the XML to its URL, create the feed).
   *
   * @return the feed's id
   */
  String cancelOrder(String amazonOrderId) throws IOException {
    String contentType = "text/xml; charset=UTF-8";
    JsonNode document =
        check(
            send(
                "POST",
                "/feeds/2021-06-30/documents",
                JSON.createObjectNode().put("contentType", contentType),
                lwaToken()));
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">"
            + "<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>"
            + xml(config.sellerId())
            + "</MerchantIdentifier></Header>"
            + "<MessageType>OrderAcknowledgement</MessageType>"
            + "<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>"
            + xml(amazonOrderId)
            + "</AmazonOrderID><StatusCode>Failure</StatusCode></OrderAcknowledgement></Message>"
            + "</AmazonEnvelope>";
    HttpRequest upload =
        HttpRequest.newBuilder(URI.create(document.path("url").asText()))
            .timeout(timeout)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
            .build();
    check(exchange(upload));
    ObjectNode feed =
        JSON.createObjectNode()
            .put("feedType", "POST_ORDER_ACKNOWLEDGEMENT_DATA")
            .put("inputFeedDocumentId", document.path("feedDocumentId").asText());
    feed.putArray("marketplaceIds").add(config.marketplaceId());
    return check(send("POST", "/feeds/2021-06-30/feeds", feed, lwaToken())).path("feedId").asText();
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private String ordersToken(String path) throws IOException {
    if (!config.restrictedData()) {
      return lwaToken();
    }
    ObjectNode body = JSON.createObjectNode();
    ObjectNode resource = body.putArray("restrictedResources").addObject();
    resource.put("method", "GET").put("path", path);
    resource.putArray("dataElements").add("buyerInfo").add("shippingAddress");
    JsonNode answer =
        check(send("POST", "/tokens/2021-03-01/restrictedDataToken", body, lwaToken()));
    return answer.path("restrictedDataToken").asText();
  }

  /** The Login with Amazon access token, refreshed a minute before it expires. */
  synchronized String lwaToken() throws IOException {
    if (accessToken != null && Instant.now().isBefore(accessTokenExpires)) {
      return accessToken;
    }
    String form =
        "grant_type=refresh_token&refresh_token="
            + encode(config.refreshToken())
            + "&client_id="
            + encode(config.lwaClientId())
            + "&client_secret="
            + encode(config.lwaClientSecret());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.tokenUrl()))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    JsonNode answer = check(exchange(request));
    accessToken = answer.path("access_token").asText(null);
    if (accessToken == null) {
      throw new IOException("Login with Amazon gave no access token");
    }
    accessTokenExpires =
        Instant.now().plusSeconds(Math.max(60, answer.path("expires_in").asLong(3600)) - 60);
    return accessToken;
  }

  private JsonNode get(String path, String token) throws IOException {
    return check(send("GET", path, null, token));
  }

  private HttpResponse<String> send(String method, String path, JsonNode body, String token)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .timeout(timeout)
            .header("x-amz-access-token", token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    return exchange(request.build());
  }

  /** Sends, waiting out throttling (429) with doubling pauses a few times. */
  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    long pause = backoffMillis;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 429 || attempt >= THROTTLE_RETRIES) {
          return response;
        }
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      pause = Math.min(pause * 2, 60_000);
    }
  }

  private static JsonNode check(HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 != 2) {
      String detail = "";
      try {
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        List<String> messages = new ArrayList<>();
        errors.forEach(
            e -> messages.add(e.path("code").asText() + ": " + e.path("message").asText()));
        detail = messages.isEmpty() ? "" : " " + messages;
      } catch (IOException notJson) {
        // the status says enough
      }
      throw new IOException("Amazon answered HTTP " + response.statusCode() + detail);
    }
    String body = response.body();
    return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
