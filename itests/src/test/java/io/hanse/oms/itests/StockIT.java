package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stock per location and department, the movement log, kits, suppliers and purchase orders. */
class StockIT {
  private final Api admin = Api.admin();

  @Test
  void stockIsKeptPerLocationAndDepartment() {
    String warehouse = Fixtures.location(admin, "WAREHOUSE", "web", "catalog");
    String store = Fixtures.location(admin, "STORE", "store");
    String sku = Fixtures.product(admin, "9.99", false);
    Fixtures.stock(admin, sku, warehouse, 12);
    Fixtures.stock(admin, sku, store, 3);

    JsonNode all = admin.get("/stock/" + sku).json();
    assertThat(all.path("onHand").asInt()).isEqualTo(15);
    assertThat(all.path("available").asInt()).isEqualTo(15);
    assertThat(all.path("locations")).hasSize(2);
    assertThat(admin.get("/stock/" + sku + "?department=web").json().path("onHand").asInt())
        .isEqualTo(12);
    assertThat(admin.get("/stock/" + sku + "?department=store").json().path("onHand").asInt())
        .isEqualTo(3);
    assertThat(admin.get("/stock/" + sku + "?department=moon").status()).isEqualTo(400);
  }

  @Test
  void stockCannotGoBelowWhatIsReserved() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, sku, location, 5);
    assertThat(Api.agent().post("/orders", Fixtures.order("web", "r@example.com", sku, 3)).status())
        .isEqualTo(201);

    Api.Reply r =
        admin.post(
            "/stock/adjustments",
            Map.of("sku", sku, "location", location, "quantity", -3, "reason", "damaged"));
    assertThat(r.status()).isEqualTo(409);
    JsonNode stock = admin.get("/stock/" + sku).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(5);
    assertThat(stock.path("reserved").asInt()).isEqualTo(3);

    assertThat(
            admin
                .post(
                    "/stock/adjustments",
                    Map.of("sku", sku, "location", location, "quantity", -2, "reason", "damaged"))
                .status())
        .isEqualTo(201);
    assertThat(admin.get("/stock/" + sku).json().path("available").asInt()).isZero();
  }

  @Test
  void badAdjustmentsChangeNothing() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, sku, location, 4);
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("sku", sku, "location", location, "quantity", 0),
            Map.of("sku", Api.unique("NOPE"), "location", location, "quantity", 1),
            Map.of("sku", sku, "location", Api.unique("NOWHERE"), "quantity", 1),
            Map.of("sku", sku, "location", location, "quantity", 5_000_000))) {
      assertThat(admin.post("/stock/adjustments", bad).status()).as(bad.toString()).isEqualTo(400);
    }
    assertThat(
            Api.agent()
                .post("/stock/adjustments", Map.of("sku", sku, "location", location, "quantity", 1))
                .status())
        .isEqualTo(403);
    assertThat(admin.get("/stock/" + sku).json().path("onHand").asInt()).isEqualTo(4);
  }

  @Test
  void theMovementLogRebuildsTheBalance() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, sku, location, 10);
    Fixtures.stock(admin, sku, location, -2);
    String id =
        Api.agent()
            .post("/orders", Fixtures.order("web", "m@example.com", sku, 4))
            .json()
            .path("id")
            .asText();
    admin.post(
        "/orders/" + id + "/shipments",
        Map.of(
            "lines",
            List.of(Map.of("sku", sku, "quantity", 1)),
            "carrier",
            "DHL",
            "trackingNumber",
            "1"));

    JsonNode movements = admin.get("/stock/" + sku + "/movements").json();
    int onHand = 0;
    int reserved = 0;
    for (JsonNode m : movements) {
      onHand += m.path("onHandDelta").asInt();
      reserved += m.path("reservedDelta").asInt();
      assertThat(m.path("user").asText()).isNotBlank();
    }
    JsonNode stock = admin.get("/stock/" + sku).json();
    assertThat(onHand).isEqualTo(stock.path("onHand").asInt()).isEqualTo(7);
    assertThat(reserved).isEqualTo(stock.path("reserved").asInt()).isEqualTo(3);
    assertThat(movements.findValuesAsText("type"))
        .contains("ADJUSTMENT", "RESERVATION", "SHIPMENT");
  }

  @Test
  void aKitIsAsAvailableAsItsScarcestComponent() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String mug = Fixtures.product(admin, "5.00", false);
    String candle = Fixtures.product(admin, "7.00", false);
    Fixtures.stock(admin, mug, location, 10);
    Fixtures.stock(admin, candle, location, 3);
    String kit = Fixtures.kit(admin, "15.00", Map.of(mug, 2, candle, 1));
    assertThat(admin.get("/stock/" + kit).json().path("available").asInt()).isEqualTo(3);

    assertThat(Api.agent().post("/orders", Fixtures.order("web", "k@example.com", kit, 2)).status())
        .isEqualTo(201);
    assertThat(admin.get("/stock/" + mug).json().path("reserved").asInt()).isEqualTo(4);
    assertThat(admin.get("/stock/" + candle).json().path("reserved").asInt()).isEqualTo(2);
    assertThat(admin.get("/stock/" + kit).json().path("available").asInt()).isEqualTo(1);
    assertThat(
            admin
                .post("/stock/adjustments", Map.of("sku", kit, "location", location, "quantity", 1))
                .status())
        .isEqualTo(400);
  }

  @Test
  void purchaseOrdersAreReceivedInParts() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "20.00", false);
    String supplier = Fixtures.supplier(admin, sku, "8.00");

    Api.Reply po = Fixtures.purchaseOrder(admin, supplier, location, sku, 100);
    assertThat(po.status()).as(po.toString()).isEqualTo(201);
    String id = po.json().path("id").asText();
    assertThat(po.json().path("lines").get(0).path("unitCost").path("amount").asText())
        .isEqualTo("8.00");

    Api.Reply part =
        admin.post(
            "/purchase-orders/" + id + "/receipts",
            Map.of("lines", List.of(Map.of("sku", sku, "quantity", 30))));
    assertThat(part.json().path("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
    assertThat(admin.get("/stock/" + sku).json().path("onHand").asInt()).isEqualTo(30);

    assertThat(
            admin
                .post(
                    "/purchase-orders/" + id + "/receipts",
                    Map.of("lines", List.of(Map.of("sku", sku, "quantity", 71))))
                .status())
        .isEqualTo(409);
    assertThat(admin.get("/stock/" + sku).json().path("onHand").asInt()).isEqualTo(30);

    Api.Reply rest =
        admin.post(
            "/purchase-orders/" + id + "/receipts",
            Map.of("lines", List.of(Map.of("sku", sku, "quantity", 70))));
    assertThat(rest.json().path("status").asText()).isEqualTo("RECEIVED");
    assertThat(admin.get("/stock/" + sku).json().path("onHand").asInt()).isEqualTo(100);

    String other = Fixtures.product(admin, "1.00", false);
    assertThat(Fixtures.purchaseOrder(admin, supplier, location, other, 1).status()).isEqualTo(400);
  }
}
