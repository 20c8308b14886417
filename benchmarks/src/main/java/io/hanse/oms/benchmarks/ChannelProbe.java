package io.hanse.oms.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Times a stock change's way to a sales channel: a stub plays a Shopify shop, the server gets the
 * Shopify connector installed and pointed at it before it starts, and each probe adjusts the stock
 * of one SKU and waits for the shop to receive the new quantity.
 */
final class ChannelProbe implements AutoCloseable {
  static final String SKU_ITEM = "gid://shopify/InventoryItem/4242";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer shop =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));

  /** Quantity set for the probe SKU, by when the shop received it (nanoTime). */
  private final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();

  private volatile String sku = "";

  ChannelProbe() {
    shop.start();
    shop.stubFor(
        post("/admin/api/2025-01/graphql.json")
            .withRequestBody(containing("inventorySetQuantities"))
            .willReturn(okJson("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}")));
    // until the probe SKU exists, the shop lists nothing
    shop.stubFor(
        post("/admin/api/2025-01/graphql.json")
            .withRequestBody(containing("productVariants"))
            .willReturn(okJson("{\"data\":{\"productVariants\":{\"nodes\":[]}}}")));
    shop.addMockServiceRequestListener(
        (request, response) -> {
          long now = System.nanoTime();
          String body = request.getBodyAsString();
          if (body.contains("inventorySetQuantities")) {
            record(body, now);
          }
        });
  }

  /** The shop lists only the probe SKU; it is set when the catalog is seeded. */
  void listOnly(String probeSku) {
    this.sku = probeSku;
    shop.stubFor(
        post("/admin/api/2025-01/graphql.json")
            .withRequestBody(containing("productVariants"))
            .willReturn(
                okJson(
                    "{\"data\":{\"productVariants\":{\"nodes\":[{\"sku\":\""
                        + probeSku
                        + "\",\"inventoryItem\":{\"id\":\""
                        + SKU_ITEM
                        + "\"}}]}}}")));
  }

  private void record(String body, long now) {
    try {
      for (JsonNode q : JSON.readTree(body).path("variables").path("input").path("quantities")) {
        if (q.path("inventoryItemId").asText().equals(SKU_ITEM)) {
          arrivals.putIfAbsent(q.path("quantity").asInt(), now);
        }
      }
    } catch (IOException e) {
      // not JSON: not ours
    }
  }

  /** Before the server starts: install the connector at boot and point an instance at the stub. */
  void prepare(Path home) throws IOException {
    Path features = home.resolve("etc/org.apache.karaf.features.cfg");
    String cfg = Files.readString(features, StandardCharsets.UTF_8);
    Matcher boot = Pattern.compile("featuresBoot\\s*=\\s*\\\\\\R").matcher(cfg);
    if (!boot.find()) {
      throw new IllegalStateException("no featuresBoot in " + features);
    }
    cfg =
        cfg.substring(0, boot.end())
            + "    hanse-channel-shopify, \\\n"
            + cfg.substring(boot.end());
    Files.writeString(features, cfg, StandardCharsets.UTF_8);
    Files.writeString(
        home.resolve("etc/io.hanse.oms.channel.shopify-benchmark.cfg"),
        String.join(
            "\n",
            "webhookSecret = benchmark",
            "adminApiUrl = " + shop.baseUrl() + "/admin/api/2025-01",
            "accessToken = benchmark",
            "location = 1",
            "departments = web",
            ""),
        StandardCharsets.UTF_8);
  }

  /**
   * Adjusts the probe SKU's stock {@code samples} times and records how long each new quantity took
   * to reach the shop, in microseconds, from the moment the adjustment was answered.
   */
  Histogram measure(Rest admin, String location, int samples, long gapMillis) throws Exception {
    Histogram latency = new Histogram(60_000_000L, 3);
    for (int i = 0; i < samples; i++) {
      Rest.Reply r =
          admin.post(
              "/stock/adjustments",
              Map.of("sku", sku, "location", location, "quantity", 1, "reason", "channel probe"),
              Map.of());
      long answered = System.nanoTime();
      if (r.status() != 201) {
        throw new IllegalStateException("probe adjustment failed: " + r.status() + " " + r.body());
      }
      int expected = JSON.readTree(r.body()).path("available").asInt();
      long deadline = answered + 30_000_000_000L;
      Long arrived;
      while ((arrived = arrivals.get(expected)) == null && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      if (arrived == null) {
        throw new IllegalStateException("quantity " + expected + " never reached the shop");
      }
      latency.recordValue(Math.max(0, (arrived - answered) / 1000));
      Thread.sleep(gapMillis);
    }
    return latency;
  }

  @Override
  public void close() {
    shop.stop();
  }

  static List<String> describe() {
    return List.of("from the stock adjustment's answer to the shop receiving the quantity");
  }
}
