package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One path for orders from every channel: intake, idempotency, shipments, cancellation. */
class OrdersIT {
  private final Api admin = Api.admin();
  private final Api agent = Api.agent();
  private String location;

  @BeforeEach
  void location() {
    location = Fixtures.location(admin, "WAREHOUSE", "web", "catalog", "store");
  }

  private String stocked(String price, int quantity) {
    String sku = Fixtures.product(admin, price, false);
    Fixtures.stock(admin, sku, location, quantity);
    return sku;
  }

  private int reserved(String sku) {
    return admin.get("/stock/" + sku).json().path("reserved").asInt();
  }

  @Test
  void anOrderIsPricedReservedAndFound() {
    String sku = stocked("12.50", 10);
    String email = Api.unique("buyer").toLowerCase(java.util.Locale.ROOT) + "@example.com";
    Api.Reply placed = agent.post("/orders", Fixtures.order("phone", email, sku, 3));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    String id = order.path("id").asText();
    assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + id);
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.path("total").path("amount").asText()).isEqualTo("37.50");
    assertThat(order.path("total").path("currency").asText()).isEqualTo("EUR");
    assertThat(order.path("department").asText()).isEqualTo("catalog");
    assertThat(order.path("placedBy").asText()).isEqualTo("agent");
    assertThat(order.path("lines").get(0).path("reserved").asInt()).isEqualTo(3);
    assertThat(reserved(sku)).isEqualTo(3);

    assertThat(agent.get("/orders/" + id).json().path("id").asText()).isEqualTo(id);
    JsonNode byCustomer = agent.get("/orders?customer=" + email).json();
    assertThat(byCustomer.path("items")).hasSize(1);
    assertThat(agent.get("/orders?channel=phone&status=CONFIRMED&size=1").json().path("items"))
        .hasSize(1);
    assertThat(agent.get("/orders?status=WHATEVER").status()).isEqualTo(400);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String placedAt = order.path("createdAt").asText();
    assertThat(
            agent
                .get("/orders?customer=" + email + "&from=" + today + "&to=" + today)
                .json()
                .path("items"))
        .hasSize(1);
    assertThat(agent.get("/orders?customer=" + email + "&from=" + placedAt).json().path("items"))
        .hasSize(1);
    assertThat(agent.get("/orders?customer=" + email + "&to=2020-01-01").json().path("items"))
        .isEmpty();
    assertThat(agent.get("/orders?from=yesterday").status()).isEqualTo(400);

    String customerId = order.path("customerId").asText();
    JsonNode customer = agent.get("/customers/" + customerId).json();
    assertThat(customer.path("email").asText()).isEqualTo(email);
    assertThat(customer.path("orders").get(0).path("id").asText()).isEqualTo(id);
    assertThat(agent.get("/customers?q=" + email.substring(0, 10)).json()).isNotEmpty();
  }

  @Test
  void aRetriedRequestReturnsTheFirstOrder() {
    String sku = stocked("5.00", 10);
    Map<String, Object> body = Fixtures.order("web", "retry@example.com", sku, 2);
    String key = Api.unique("key");
    Api keyed = agent.with("Idempotency-Key", key);
    Api.Reply first = keyed.post("/orders", body);
    Api.Reply again = keyed.post("/orders", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    assertThat(reserved(sku)).isEqualTo(2);

    Map<String, Object> different = Fixtures.order("web", "retry@example.com", sku, 3);
    Api.Reply misuse = keyed.post("/orders", different);
    assertThat(misuse.status()).isEqualTo(422);
    assertThat(reserved(sku)).isEqualTo(2);

    Api.Reply sameExternalId = agent.post("/orders", body);
    assertThat(sameExternalId.json().path("id").asText())
        .isEqualTo(first.json().path("id").asText());
    assertThat(reserved(sku)).isEqualTo(2);
  }

  @Test
  void aShortOrderIsRefusedWhole() {
    String plenty = stocked("1.00", 10);
    String scarce = stocked("1.00", 2);
    Api.Reply r =
        agent.post("/orders", Fixtures.order("web", "short@example.com", plenty, 5, scarce, 3));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("type").asText()).endsWith("/insufficient-stock");
    assertThat(r.json().path("shortages").get(0).path("sku").asText()).isEqualTo(scarce);
    assertThat(reserved(plenty)).isZero();
    assertThat(reserved(scarce)).isZero();

    Api.Reply twoLines =
        agent.post("/orders", Fixtures.order("web", "short@example.com", scarce, 1, scarce, 1));
    assertThat(twoLines.status()).isEqualTo(201);
    assertThat(reserved(scarce)).isEqualTo(2);
    Api.Reply tooMany =
        agent.post("/orders", Fixtures.order("web", "short@example.com", plenty, 6, plenty, 5));
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(reserved(plenty)).isZero();
  }

  @Test
  void backorderableSkusTakeWhatIsThereAndWaitForTheRest() {
    String sku = Fixtures.product(admin, "3.00", true);
    Fixtures.stock(admin, sku, location, 2);
    Api.Reply r = agent.post("/orders", Fixtures.order("web", "wait@example.com", sku, 5));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("status").asText()).isEqualTo("BACKORDERED");
    JsonNode line = r.json().path("lines").get(0);
    assertThat(line.path("reserved").asInt()).isEqualTo(2);
    assertThat(line.path("backordered").asInt()).isEqualTo(3);
    assertThat(admin.get("/stock/" + sku).json().path("available").asInt()).isZero();

    String id = r.json().path("id").asText();
    Fixtures.stock(admin, sku, location, 4);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(agent.get("/orders/" + id).json().path("status").asText())
                    .isEqualTo("CONFIRMED"));
    assertThat(admin.get("/stock/" + sku).json().path("available").asInt()).isEqualTo(1);
  }

  @Test
  void shipmentsMoveTheOrderAndTheStock() {
    String sku = stocked("4.00", 10);
    String id =
        agent
            .post("/orders", Fixtures.order("web", "ship@example.com", sku, 3))
            .json()
            .path("id")
            .asText();

    assertThat(agent.post("/orders/" + id + "/shipments", shipment(sku, 1, "1Z1")).status())
        .isEqualTo(403);
    Api.Reply first = admin.post("/orders/" + id + "/shipments", shipment(sku, 1, "1Z1"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
    JsonNode stock = admin.get("/stock/" + sku).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(9);
    assertThat(stock.path("reserved").asInt()).isEqualTo(2);

    assertThat(admin.post("/orders/" + id + "/shipments", shipment(sku, 3, "1Z2")).status())
        .isEqualTo(409);
    assertThat(agent.post("/orders/" + id + "/cancel", Map.of("reason", "late")).status())
        .isEqualTo(409);

    Api.Reply second = admin.post("/orders/" + id + "/shipments", shipment(sku, 2, "1Z3"));
    assertThat(second.json().path("status").asText()).isEqualTo("SHIPPED");
    assertThat(second.json().path("shipments")).hasSize(2);
    assertThat(second.json().path("shipments").get(1).path("trackingNumber").asText())
        .isEqualTo("1Z3");
    stock = admin.get("/stock/" + sku).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(7);
    assertThat(stock.path("reserved").asInt()).isZero();
    assertThat(admin.post("/orders/" + id + "/close", null).json().path("status").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void kitsShipTheirComponents() {
    String a = stocked("1.00", 10);
    String b = stocked("1.00", 10);
    String kit = Fixtures.kit(admin, "5.00", Map.of(a, 2, b, 1));
    String id =
        agent
            .post("/orders", Fixtures.order("web", "kit@example.com", kit, 2, a, 1))
            .json()
            .path("id")
            .asText();
    assertThat(reserved(a)).isEqualTo(5);
    Api.Reply r =
        admin.post(
            "/orders/" + id + "/shipments",
            Map.of(
                "lines",
                List.of(Map.of("sku", kit, "quantity", 1)),
                "carrier",
                "UPS",
                "trackingNumber",
                "K1"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(admin.get("/stock/" + a).json().path("onHand").asInt()).isEqualTo(8);
    assertThat(admin.get("/stock/" + b).json().path("onHand").asInt()).isEqualTo(9);
    assertThat(reserved(a)).isEqualTo(3);
  }

  @Test
  void cancellingReleasesWhatWasReserved() {
    String sku = stocked("2.00", 5);
    String id =
        agent
            .post("/orders", Fixtures.order("web", "cancel@example.com", sku, 4))
            .json()
            .path("id")
            .asText();
    assertThat(reserved(sku)).isEqualTo(4);
    Api.Reply cancelled =
        agent.post("/orders/" + id + "/cancel", Map.of("reason", "customer changed mind"));
    assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().path("lines").get(0).path("cancelled").asInt()).isEqualTo(4);
    assertThat(reserved(sku)).isZero();
    assertThat(agent.post("/orders/" + id + "/cancel", null).status()).isEqualTo(409);
    assertThat(reserved(sku)).isZero();
  }

  @Test
  void anOrderOnHoldDoesNotShip() {
    String sku = stocked("2.00", 5);
    String id =
        agent
            .post("/orders", Fixtures.order("web", "hold@example.com", sku, 1))
            .json()
            .path("id")
            .asText();
    assertThat(
            agent
                .post("/orders/" + id + "/hold", Map.of("reason", "address check"))
                .json()
                .path("status")
                .asText())
        .isEqualTo("ON_HOLD");
    assertThat(admin.post("/orders/" + id + "/shipments", shipment(sku, 1, "H1")).status())
        .isEqualTo(409);
    assertThat(agent.post("/orders/" + id + "/release", null).json().path("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(admin.post("/orders/" + id + "/shipments", shipment(sku, 1, "H1")).status())
        .isEqualTo(201);
  }

  @Test
  void invalidOrdersAreRefusedAndReserveNothing() {
    String sku = stocked("2.00", 5);
    List<Map<String, Object>> invalid =
        List.of(
            Fixtures.order("web", "bad@example.com", sku, 0),
            Fixtures.order("web", "not-an-email", sku, 1),
            Fixtures.order("web", "bad@example.com", Api.unique("NOPE"), 1),
            Fixtures.order("web", "bad@example.com"),
            Map.of("channel", "web", "lines", List.of(Map.of("sku", sku, "quantity", 1))));
    for (Map<String, Object> body : invalid) {
      Api.Reply r = agent.post("/orders", body);
      assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
    }
    assertThat(agent.send("POST", "/orders", "[1,2").status()).isEqualTo(400);
    assertThat(
            agent
                .with("Idempotency-Key", " ")
                .post("/orders", Fixtures.order("web", "bad@example.com", sku, 1))
                .status())
        .isEqualTo(400);
    assertThat(reserved(sku)).isZero();
    assertThat(
            Api.as("channel", "channel")
                .post("/orders", Fixtures.order("shopify", "c@example.com", sku, 1))
                .status())
        .isEqualTo(201);
  }

  private static Map<String, Object> shipment(String sku, int quantity, String tracking) {
    return Map.of(
        "lines",
        List.of(Map.of("sku", sku, "quantity", quantity)),
        "carrier",
        "DHL",
        "trackingNumber",
        tracking);
  }
}
