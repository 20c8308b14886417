package io.hanse.oms.channel.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelShipment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Shopify's GraphQL Admin API, as far as Hanse needs it: set available quantities at one location,
 * create fulfilments with tracking, cancel orders. Throttling (HTTP 429 or a THROTTLED error) and
 * server errors are IOExceptions, which the core retries with backoff.
 */
final class ShopifyAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VARIANTS =
      "query($q: String!) { productVariants(first: 250, query: $q) {"
          + " nodes { sku inventoryItem { id } } } }";
  private static final String SET_QUANTITIES =
      "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) {"
          + " userErrors { field message } } }";
  private static final String FULFILLMENT_ORDERS =
      "query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 20) { nodes { id status"
          + " lineItems(first: 250) { nodes { id remainingQuantity lineItem { sku } } } } } } }";
  private static final String FULFILL =
      "mutation($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) {"
          + " fulfillment { id } userErrors { field message } } }";
  private static final String CANCEL =
      "mutation($id: ID!, $refund: Boolean!) { orderCancel(orderId: $id, reason: OTHER,"
          + " refund: $refund, restock: false, notifyCustomer: true) {"
          + " orderCancelUserErrors { field message } } }";

  private final HttpClient http;
  private final URI endpoint;
  private final String token;
  private final String locationId;
  private final Duration timeout;

  /** SKU to inventory item id. */
  private final Map<String, String> inventoryItems = new ConcurrentHashMap<>();

  /** SKUs the shop did not list, with when they were looked up: asked again after a while. */
  private final Map<String, Long> unlisted = new ConcurrentHashMap<>();

  private static final long UNLISTED_MILLIS = 10 * 60_000L;

  ShopifyAdmin(String adminApiUrl, String token, String location, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.endpoint = URI.create(adminApiUrl.replaceAll("/+$", "") + "/graphql.json");
    this.token = token;
    this.locationId = gid("Location", location);
    this.timeout = timeout;
  }

  static String gid(String type, String id) {
    return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id.trim();
  }

  void setAvailable(List<Availability> levels) throws IOException {
    resolve(levels.stream().map(Availability::sku).toList());
    ArrayNode quantities = JSON.createArrayNode();
    for (Availability level : levels) {
      String item = inventoryItems.get(level.sku());
      if (item == null) {
        continue; // not listed on this shop
      }
      quantities
          .addObject()
          .put("inventoryItemId", item)
          .put("locationId", locationId)
          .put("quantity", level.quantity());
    }
    if (quantities.isEmpty()) {
      return;
    }
    ObjectNode input = JSON.createObjectNode();
    input.put("name", "available").put("reason", "correction").put("ignoreCompareQuantity", true);
    input.set("quantities", quantities);
    ObjectNode variables = JSON.createObjectNode();
    variables.set("input", input);
    JsonNode data = call(SET_QUANTITIES, variables);
    userErrors(data.path("inventorySetQuantities").path("userErrors"));
  }

  /** Looks up the inventory items of SKUs not seen before, 50 per query. */
  private void resolve(List<String> skus) throws IOException {
    long now = System.currentTimeMillis();
    List<String> unknown =
        skus.stream()
            .filter(s -> !inventoryItems.containsKey(s))
            .filter(s -> unlisted.getOrDefault(s, 0L) < now - UNLISTED_MILLIS)
            .toList();
    for (int i = 0; i < unknown.size(); i += 50) {
      List<String> chunk = unknown.subList(i, Math.min(unknown.size(), i + 50));
      String query =
          chunk.stream()
              .map(s -> "sku:\"" + s.replace("\"", "") + "\"")
              .collect(Collectors.joining(" OR "));
      ObjectNode variables = JSON.createObjectNode().put("q", query);
      JsonNode data = call(VARIANTS, variables);
      Map<String, String> found = new HashMap<>();
      for (JsonNode variant : data.path("productVariants").path("nodes")) {
        found.put(
            variant.path("sku").asText(), variant.path("inventoryItem").path("id").asText(""));
      }
      for (String sku : chunk) {
        String item = found.get(sku);
        if (item == null || item.isEmpty()) {
          unlisted.put(sku, now);
        } else {
          inventoryItems.put(sku, item);
          unlisted.remove(sku);
        }
      }
    }
  }

  void fulfil(ChannelShipment shipment) throws IOException {
    JsonNode data =
        call(
            FULFILLMENT_ORDERS,
            JSON.createObjectNode().put("id", gid("Order", shipment.externalId())));
    Map<String, Integer> toShip = new HashMap<>();
    for (SkuQuantity line : shipment.lines()) {
      toShip.merge(line.sku(), line.quantity(), Integer::sum);
    }
    ArrayNode byOrder = JSON.createArrayNode();
    for (JsonNode fo : data.path("order").path("fulfillmentOrders").path("nodes")) {
      String status = fo.path("status").asText();
      if (!status.equals("OPEN") && !status.equals("IN_PROGRESS")) {
        continue;
      }
      ArrayNode items = JSON.createArrayNode();
      for (JsonNode item : fo.path("lineItems").path("nodes")) {
        String sku = item.path("lineItem").path("sku").asText();
        int wanted = toShip.getOrDefault(sku, 0);
        int quantity = Math.min(wanted, item.path("remainingQuantity").asInt());
        if (quantity > 0) {
          items.addObject().put("id", item.path("id").asText()).put("quantity", quantity);
          toShip.put(sku, wanted - quantity);
        }
      }
      if (!items.isEmpty()) {
        ObjectNode entry = byOrder.addObject().put("fulfillmentOrderId", fo.path("id").asText());
        entry.set("fulfillmentOrderLineItems", items);
      }
    }
    if (byOrder.isEmpty()) {
      throw new IOException(
          "order "
              + shipment.externalId()
              + " has no open fulfillment order for "
              + toShip.keySet());
    }
    ObjectNode fulfillment = JSON.createObjectNode();
    fulfillment.set("lineItemsByFulfillmentOrder", byOrder);
    fulfillment
        .putObject("trackingInfo")
        .put("company", shipment.carrier())
        .put("number", shipment.trackingNumber());
    fulfillment.put("notifyCustomer", true);
    ObjectNode variables = JSON.createObjectNode();
    variables.set("fulfillment", fulfillment);
    userErrors(call(FULFILL, variables).path("fulfillmentCreate").path("userErrors"));
  }

  void cancel(String externalId, boolean refund) throws IOException {
    ObjectNode variables =
        JSON.createObjectNode().put("id", gid("Order", externalId)).put("refund", refund);
    try {
      userErrors(call(CANCEL, variables).path("orderCancel").path("orderCancelUserErrors"));
    } catch (IOException e) {
      if (e.getMessage() != null
          && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already cancel")) {
        return; // what we wanted
      }
      throw e;
    }
  }

  private JsonNode call(String query, ObjectNode variables) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("query", query);
    body.set("variables", variables);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("X-Shopify-Access-Token", token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("Shopify answered HTTP " + response.statusCode());
    }
    JsonNode answer = JSON.readTree(response.body());
    JsonNode errors = answer.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      errors.forEach(e -> messages.add(e.path("message").asText(e.toString())));
      throw new IOException("Shopify refused: " + String.join("; ", messages));
    }
    return answer.path("data");
  }

  private static void userErrors(JsonNode errors) throws IOException {
    if (errors.isArray() && !errors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      errors.forEach(e -> messages.add(e.path("message").asText()));
      throw new IOException("Shopify refused: " + String.join("; ", messages));
    }
  }
}
