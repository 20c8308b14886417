package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the catalog and stock a test needs, through the API. */
final class Fixtures {
  private Fixtures() {}

  static Map<String, Object> money(String amount) {
    return Map.of("amount", amount, "currency", "EUR");
  }

  static String location(Api api, String type, String... departments) {
    String code = Api.unique("LOC");
    Api.Reply r =
        api.put(
            "/locations/" + code,
            Map.of("name", "Location " + code, "type", type, "departments", List.of(departments)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return code;
  }

  static String product(Api api, String price, boolean backorderable) {
    String sku = Api.unique("SKU");
    putProduct(api, sku, price, backorderable, List.of());
    return sku;
  }

  static void putProduct(
      Api api,
      String sku,
      String price,
      boolean backorderable,
      List<Map<String, Object>> components) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Product " + sku);
    body.put("price", money(price));
    body.put("backorderable", backorderable);
    body.put("components", new ArrayList<>(components));
    Api.Reply r = api.put("/products/" + sku, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  static String kit(Api api, String price, Map<String, Integer> components) {
    String sku = Api.unique("KIT");
    List<Map<String, Object>> list = new ArrayList<>();
    components.forEach((c, q) -> list.add(Map.of("sku", c, "quantity", q)));
    putProduct(api, sku, price, false, list);
    return sku;
  }

  static void stock(Api api, String sku, String location, int quantity) {
    Api.Reply r =
        api.post(
            "/stock/adjustments",
            Map.of("sku", sku, "location", location, "quantity", quantity, "reason", "test"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  static Map<String, Object> order(String channel, String email, Object... skuQuantity) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < skuQuantity.length; i += 2) {
      lines.add(Map.of("sku", skuQuantity[i], "quantity", skuQuantity[i + 1]));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    body.put("externalId", Api.unique("EXT"));
    body.put("customer", Map.of("email", email, "name", "Test Customer"));
    body.put("lines", lines);
    return body;
  }

  /** A new supplier of {@code sku}; returns its code. */
  static String supplier(Api api, String sku, String cost) {
    String code = Api.unique("SUP");
    Api.Reply r =
        api.put(
            "/suppliers/" + code,
            Map.of(
                "name",
                "Nordtex",
                "items",
                List.of(Map.of("sku", sku, "supplierSku", "N-" + sku, "cost", money(cost)))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return code;
  }

  /** A purchase order for {@code quantity} of {@code sku}; the raw reply, for its status. */
  static Api.Reply purchaseOrder(
      Api api, String supplier, String location, String sku, int quantity) {
    return api.post(
        "/purchase-orders",
        Map.of(
            "supplier",
            supplier,
            "location",
            location,
            "lines",
            List.of(Map.of("sku", sku, "quantity", quantity))));
  }
}
