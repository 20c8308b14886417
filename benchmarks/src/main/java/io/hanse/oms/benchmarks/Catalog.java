package io.hanse.oms.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds the catalog a benchmark sells from: plain SKUs with stock in every location, and kits of
 * two or three of them. Names carry a run id, so runs against one server never collide.
 */
public final class Catalog {
  final List<String> skus = new ArrayList<>();
  final List<String> kits = new ArrayList<>();

  /**
   * @param stockPerLocation units of each SKU put in each location
   */
  static Catalog seed(
      Rest admin,
      String runId,
      int skuCount,
      int kitCount,
      int locationCount,
      int stockPerLocation,
      int threads)
      throws Exception {
    Catalog catalog = new Catalog();
    List<String> locations = new ArrayList<>();
    for (int l = 0; l < locationCount; l++) {
      String code = "BENCH-" + runId + "-L" + l;
      check(
          admin.put(
              "/locations/" + code,
              Map.of(
                  "name",
                  code,
                  "type",
                  l == 0 ? "WAREHOUSE" : "STORE",
                  "departments",
                  List.of("web", "store", "catalog"))));
      locations.add(code);
    }
    for (int i = 0; i < skuCount; i++) {
      catalog.skus.add("B" + runId + "-" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String sku : catalog.skus) {
        work.add(
            pool.submit(
                () -> {
                  check(
                      admin.put(
                          "/products/" + sku,
                          Map.of(
                              "name",
                              "Bench " + sku,
                              "price",
                              Map.of(
                                  "amount",
                                  (10 + Math.floorMod(sku.hashCode(), 80)) + ".90",
                                  "currency",
                                  "EUR"))));
                  for (String location : locations) {
                    check(
                        admin.post(
                            "/stock/adjustments",
                            Map.of(
                                "sku",
                                sku,
                                "location",
                                location,
                                "quantity",
                                stockPerLocation,
                                "reason",
                                "benchmark"),
                            Map.of()));
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    for (int k = 0; k < kitCount; k++) {
      String kit = "K" + runId + "-" + k;
      List<Map<String, Object>> components = new ArrayList<>();
      for (int c = 0; c < 2 + k % 2; c++) {
        components.add(
            Map.of("sku", catalog.skus.get((k * 7 + c * 13) % skuCount), "quantity", 1 + c % 2));
      }
      check(
          admin.put(
              "/products/" + kit,
              Map.of(
                  "name",
                  "Bench kit " + kit,
                  "price",
                  Map.of("amount", "59.00", "currency", "EUR"),
                  "components",
                  components)));
      catalog.kits.add(kit);
    }
    return catalog;
  }

  private static Rest.Reply check(Rest.Reply reply) {
    if (reply.status() >= 300) {
      throw new IllegalStateException("seeding failed: " + reply.status() + " " + reply.body());
    }
    return reply;
  }
}
