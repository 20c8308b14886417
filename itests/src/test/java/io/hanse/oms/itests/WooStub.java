package io.hanse.oms.itests;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;

/** Plays a WooCommerce site's REST API v3: products by SKU, stock batches, notes, order status. */
final class WooStub implements AutoCloseable {
  static final String V3 = "/wp-json/wc/v3";
  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  WooStub(List<String> listedSkus) {
    server.start();
    server.stubFor(get(urlPathEqualTo(V3 + "/products")).willReturn(okJson("[]")).atPriority(10));
    for (String sku : listedSkus) {
      server.stubFor(
          get(urlPathEqualTo(V3 + "/products"))
              .withQueryParam("sku", equalTo(sku))
              .willReturn(
                  okJson("[{\"id\":" + id(sku) + ",\"sku\":\"" + sku + "\",\"parent_id\":0}]"))
              .atPriority(1));
    }
    server.stubFor(post(V3 + "/products/batch").willReturn(okJson("{\"update\":[]}")));
    server.stubFor(post(urlMatching(V3 + "/orders/[0-9]+/notes")).willReturn(okJson("{\"id\":1}")));
    server.stubFor(put(urlMatching(V3 + "/orders/[0-9]+")).willReturn(okJson("{\"id\":1}")));
  }

  static long id(String sku) {
    return Math.abs((long) sku.hashCode());
  }

  String siteUrl() {
    return server.baseUrl();
  }

  /** Bodies of requests to a path (a regex), oldest first. */
  List<JsonNode> requests(String method, String pathRegex) {
    List<JsonNode> found = new ArrayList<>();
    for (LoggedRequest r : server.findAll(anyRequestedFor(urlMatching(V3 + pathRegex)))) {
      if (r.getMethod().getName().equals(method)) {
        try {
          found.add(Api.JSON.readTree(r.getBodyAsString()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return found;
  }

  /** The last stock_quantity set for a SKU, or -1. */
  int lastStock(String sku) {
    int last = -1;
    for (JsonNode batch : requests("POST", "/products/batch")) {
      for (JsonNode update : batch.path("update")) {
        if (update.path("id").asLong() == id(sku)) {
          last = update.path("stock_quantity").asInt();
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
