package io.hanse.oms.itests;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a Shopify shop's GraphQL Admin API: lists the variants it is told about, accepts quantity
 * updates, fulfilments and cancellations, and keeps every request for the test to read.
 */
final class ShopifyStub implements AutoCloseable {
  static final String API = "/admin/api/2025-01";
  static final String GRAPHQL = API + "/graphql.json";
  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  ShopifyStub(List<String> listedSkus) {
    server.start();
    StringBuilder nodes = new StringBuilder();
    for (int i = 0; i < listedSkus.size(); i++) {
      nodes
          .append(i == 0 ? "" : ",")
          .append("{\"sku\":\"")
          .append(listedSkus.get(i))
          .append("\",\"inventoryItem\":{\"id\":\"")
          .append(item(listedSkus.get(i)))
          .append("\"}}");
    }
    server.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("productVariants"))
            .willReturn(okJson("{\"data\":{\"productVariants\":{\"nodes\":[" + nodes + "]}}}")));
    server.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("inventorySetQuantities"))
            .willReturn(okJson("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}")));
    server.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("fulfillmentOrders"))
            .willReturn(
                okJson(
                    "{\"data\":{\"order\":{\"fulfillmentOrders\":{\"nodes\":[{\"id\":"
                        + "\"gid://shopify/FulfillmentOrder/1\",\"status\":\"OPEN\","
                        + "\"lineItems\":{\"nodes\":["
                        + lineItems(listedSkus)
                        + "]}}]}}}}")));
    server.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("fulfillmentCreate"))
            .willReturn(
                okJson(
                    "{\"data\":{\"fulfillmentCreate\":{\"fulfillment\":"
                        + "{\"id\":\"gid://shopify/Fulfillment/1\"},\"userErrors\":[]}}}")));
    server.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("orderCancel"))
            .willReturn(okJson("{\"data\":{\"orderCancel\":{\"orderCancelUserErrors\":[]}}}")));
  }

  private static String lineItems(List<String> skus) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < skus.size(); i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"gid://shopify/FulfillmentOrderLineItem/")
          .append(i + 1)
          .append("\",\"remainingQuantity\":1000,\"lineItem\":{\"sku\":\"")
          .append(skus.get(i))
          .append("\"}}");
    }
    return items.toString();
  }

  static String item(String sku) {
    return "gid://shopify/InventoryItem/" + Math.abs(sku.hashCode());
  }

  String adminApiUrl() {
    return server.baseUrl() + API;
  }

  /** The GraphQL requests received whose query contains {@code operation}, oldest first. */
  List<JsonNode> requests(String operation) {
    List<JsonNode> found = new ArrayList<>();
    for (LoggedRequest r :
        server.findAll(
            postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(containing(operation)))) {
      try {
        found.add(Api.JSON.readTree(r.getBodyAsString()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  /** The last quantity set for a SKU, or -1. */
  int lastQuantity(String sku) {
    int last = -1;
    for (JsonNode request : requests("inventorySetQuantities")) {
      for (JsonNode q : request.path("variables").path("input").path("quantities")) {
        if (q.path("inventoryItemId").asText().equals(item(sku))) {
          last = q.path("quantity").asInt();
        }
      }
    }
    return last;
  }

  @Override
  public void close() {
    server.stop();
  }
}
