package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The oms: commands over SSH, as operators and their scripts use them, with their roles: the test
 * server adds shell users with the ssh role and the agent or manager role.
 */
class ShellIT {
  private final Api admin = Api.admin();

  private static Ssh.Output agent(String command) {
    return Ssh.run("shellagent", "shellagent", command);
  }

  private static Ssh.Output manager(String command) {
    return Ssh.run("shellmanager", "shellmanager", command);
  }

  /** A product with stock and an order for two of it. */
  private record Scene(String location, String sku, String email, String orderId) {}

  private Scene scene() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "15.00", false);
    Fixtures.stock(admin, sku, location, 10);
    String email = Api.unique("shell").toLowerCase(java.util.Locale.ROOT) + "@example.com";
    Api.Reply placed = Api.agent().post("/orders", Fixtures.order("phone", email, sku, 2));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return new Scene(location, sku, email, placed.json().path("id").asText());
  }

  @Test
  void agentsListShowAndCancelOrders() {
    Scene s = scene();

    Ssh.Output list = agent("oms:order-list --customer " + s.email());
    assertThat(list.out()).contains(s.orderId(), "CONFIRMED", "phone", "30.00 EUR");
    assertThat(agent("oms:order-list --status CANCELLED --customer " + s.email()).out())
        .doesNotContain(s.orderId());

    Ssh.Output show = agent("oms:order-show " + s.orderId());
    assertThat(show.out()).contains(s.sku(), s.email(), "CONFIRMED");

    Ssh.Output cancel = agent("oms:order-cancel -r 'customer called' " + s.orderId());
    assertThat(cancel.out()).contains("CANCELLED");
    assertThat(admin.get("/orders/" + s.orderId()).json().path("status").asText())
        .isEqualTo("CANCELLED");
    assertThat(admin.get("/stock/" + s.sku()).json().path("reserved").asInt()).isZero();
  }

  @Test
  void managersShipAdjustStockAndReceivePurchaseOrders() {
    Scene s = scene();

    Ssh.Output shipped = manager("oms:order-ship --carrier DHL --tracking 00340434 " + s.orderId());
    assertThat(shipped.all()).contains("SHIPPED");
    JsonNode order = admin.get("/orders/" + s.orderId()).json();
    assertThat(order.path("status").asText()).isEqualTo("SHIPPED");
    assertThat(order.path("shipments").get(0).path("trackingNumber").asText())
        .isEqualTo("00340434");

    Ssh.Output adjusted =
        manager("oms:stock-adjust -r damaged " + s.sku() + " " + s.location() + " -3");
    assertThat(adjusted.out()).contains("on hand 5");
    assertThat(manager("oms:stock " + s.sku()).out()).contains(s.location(), "5");

    String supplier = Fixtures.supplier(admin, s.sku(), "5");
    String po =
        Fixtures.purchaseOrder(admin, supplier, s.location(), s.sku(), 20)
            .json()
            .path("id")
            .asText();
    assertThat(manager("oms:po-receive " + po + " " + s.sku() + "=8").out())
        .contains("PARTIALLY_RECEIVED");
    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt()).isEqualTo(13);

    assertThat(manager("oms:product-show " + s.sku()).out()).contains("15.00 EUR", s.location());
    assertThat(manager("oms:customer-find " + s.email()).out()).contains(s.email());
    assertThat(manager("oms:outbox").out()).contains("waiting", "failed");
  }

  @Test
  void operatorsSeePaymentsRefundAndTakeReturnsBack() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "15.00", false);
    Fixtures.stock(admin, sku, location, 10);
    String token = PaymentsIT.tokenize(Api.agent(), PaymentsIT.VISA);
    java.util.Map<String, Object> body =
        Fixtures.order(
            "phone",
            Api.unique("shellpay").toLowerCase(java.util.Locale.ROOT) + "@example.com",
            sku,
            2);
    body.put("payments", java.util.List.of(java.util.Map.of("method", "card", "token", token)));
    String id = Api.agent().post("/orders", body).json().path("id").asText();
    assertThat(
            admin
                .post(
                    "/orders/" + id + "/shipments",
                    java.util.Map.of(
                        "carrier", "DHL",
                        "trackingNumber", "SH-1",
                        "lines", java.util.List.of(java.util.Map.of("sku", sku, "quantity", 2))))
                .status())
        .isEqualTo(201);

    Ssh.Output payments = agent("oms:payment-list " + id);
    assertThat(payments.out()).contains("visa •••• 4242", "CAPTURED", "30.00");
    assertThat(payments.out()).doesNotContain("4242424242424242");
    assertThat(agent("oms:refund " + id + " 5.00").all()).contains("Command not found");
    assertThat(manager("oms:refund " + id + " 40.00").all()).contains("at most 30.00 EUR");
    assertThat(manager("oms:refund -r goodwill " + id + " 5.00").out()).contains("5.00 EUR");

    Ssh.Output requested = agent("oms:rma-request -r broken " + id + " " + sku + "=1");
    assertThat(requested.out()).contains("REQUESTED");
    String rma = requested.out().replaceAll("(?s).*Return (\\S+) for.*", "$1").trim();
    assertThat(manager("oms:rma-authorize " + rma).out()).contains("AUTHORIZED");
    assertThat(manager("oms:rma-receive -l " + location + " " + rma + " " + sku + "=1").out())
        .contains("RECEIVED", "refunded 15.00 EUR");
    assertThat(agent("oms:rma-list -o " + id).out()).contains(rma, "RECEIVED");
    assertThat(
            admin
                .get("/orders/" + id)
                .json()
                .path("payments")
                .get(0)
                .path("refunded")
                .path("amount")
                .asText())
        .isEqualTo("20.00");
  }

  @Test
  void eachCommandChecksTheCallersRole() {
    Scene s = scene();

    assertThat(agent("oms:stock-adjust " + s.sku() + " " + s.location() + " 100").all())
        .contains("Command not found");
    assertThat(agent("oms:order-ship --carrier DHL --tracking 1 " + s.orderId()).all())
        .contains("Command not found");
    assertThat(agent("oms:outbox-retry --all").all()).contains("Command not found");
    assertThat(Ssh.canLogIn("channel", "channel")).as("no ssh role").isFalse();
    assertThat(Ssh.canLogIn("agent", "agent")).as("no ssh role").isFalse();
    assertThat(Ssh.canLogIn("shellagent", "wrong")).isFalse();

    JsonNode stock = admin.get("/stock/" + s.sku()).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(10);
    assertThat(admin.get("/orders/" + s.orderId()).json().path("status").asText())
        .isEqualTo("CONFIRMED");
  }

  @Test
  void badArgumentsPrintWhyAndChangeNothing() {
    Scene s = scene();

    assertThat(manager("oms:stock-adjust " + s.sku() + " " + s.location() + " lots").all())
        .contains("quantity must be a whole number");
    assertThat(manager("oms:stock-adjust " + s.sku() + " NOWHERE 1").all()).contains("NOWHERE");
    assertThat(manager("oms:stock-adjust " + s.sku() + " " + s.location() + " -50").all())
        .containsIgnoringCase("insufficient");
    assertThat(
            manager(
                    "oms:order-ship --carrier DHL --tracking 1 "
                        + s.orderId()
                        + " "
                        + s.sku()
                        + "=5")
                .all())
        .contains("cannot ship");
    assertThat(manager("oms:order-ship --carrier DHL --tracking 1 " + s.orderId() + " junk").all())
        .contains("expected SKU=QUANTITY");
    assertThat(agent("oms:order-list --status LOST").all()).contains("unknown status 'LOST'");
    assertThat(agent("oms:order-list --from yesterday").all()).contains("--from must be a day");
    assertThat(agent("oms:order-show no-such-order").all()).contains("order not found");

    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt()).isEqualTo(10);
    JsonNode order = admin.get("/orders/" + s.orderId()).json();
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.path("shipments")).isEmpty();
  }
}
