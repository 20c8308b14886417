package io.hanse.oms.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WooCommerce connector installed on the running server, fed signed webhooks (WooCommerce's own
 * sample among them) and talking back to a stub playing the site's REST API v3.
 */
class WooCommerceChannelIT {
  private static final String SECRET = "test_wc_secret";
  private static final String SITE = "itwoo";
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

  private static Api admin;
  private static WooStub woo;
  private static String location;
  private static String sku;

  @BeforeAll
  static void installTheConnector() throws Exception {
    admin = Api.admin();
    location = Fixtures.location(admin, "WAREHOUSE", "web");
    sku = Fixtures.product(admin, "10.00", false);
    Fixtures.stock(admin, sku, location, 30);
    woo = new WooStub(List.of(sku));
    Channels.configure(
        "woocommerce",
        SITE,
        Map.of(
            "webhookSecret", SECRET,
            "siteUrl", woo.siteUrl(),
            "consumerKey", "ck_it",
            "consumerSecret", "cs_it",
            "departments", "web"));
  }

  @AfterAll
  static void stopTheStub() throws Exception {
    Channels.remove("woocommerce", SITE);
    if (woo != null) {
      woo.close();
    }
  }

  @Test
  void wooCommercesOwnSampleVerifiesAndIsHeldForItsLineWithoutSku() throws Exception {
    byte[] sample =
        Files.readAllBytes(
            Path.of(System.getProperty("hanse.fixtures", "../fixtures/published"))
                .resolve("woocommerce_v3_order_retrieve.json"));
    HttpResponse<String> r =
        Channels.post(
            SITE,
            sample,
            Map.of(
                "X-WC-Webhook-Signature", "IzMCXy1KT93X2LZOzavXc7LOEuLqCUPxcaBdwSz4FVY=",
                "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Delivery-ID", "sample-" + IDS.incrementAndGet()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = Channels.json(r);
    assertThat(result.path("outcome").asText()).isEqualTo("ON_HOLD");
    assertThat(result.path("detail").asText()).contains("has no SKU");
  }

  @Test
  void aPaidOrderIsTakenAndItsLifeGoesBackToTheSite() {
    long id = IDS.incrementAndGet();
    HttpResponse<String> pending = send(order(id, "pending", sku, 2), "order.created", "p-" + id);
    assertThat(Channels.json(pending).path("outcome").asText()).isEqualTo("IGNORED");
    HttpResponse<String> paid = send(order(id, "processing", sku, 2), "order.updated", "u-" + id);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    JsonNode result = Channels.json(paid);
    assertThat(result.path("outcome").asText()).isEqualTo("ACCEPTED");
    String orderId = result.path("orderId").asText();
    JsonNode order = admin.get("/orders/" + orderId).json();
    assertThat(order.path("channel").asText()).isEqualTo(SITE);
    assertThat(order.path("lines").get(0).path("reserved").asInt()).isEqualTo(2);

    int available = admin.get("/stock/" + sku).json().path("available").asInt();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(woo.lastStock(sku)).isEqualTo(available));

    Api.Reply ship =
        admin.post(
            "/orders/" + orderId + "/shipments",
            Map.of(
                "carrier",
                "UPS",
                "trackingNumber",
                "1Z" + id,
                "lines",
                List.of(Map.of("sku", sku, "quantity", 2))));
    assertThat(ship.status()).as(ship.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(woo.requests("POST", "/orders/" + id + "/notes"))
                  .anyMatch(n -> n.path("note").asText().contains("1Z" + id));
              assertThat(woo.requests("PUT", "/orders/" + id))
                  .anyMatch(s -> s.path("status").asText().equals("completed"));
            });
  }

  @Test
  void cancellationsGoBothWays() {
    long theirs = IDS.incrementAndGet();
    send(order(theirs, "processing", sku, 1), "order.created", "c-" + theirs);
    HttpResponse<String> cancelled =
        send(order(theirs, "cancelled", sku, 1), "order.updated", "cc-" + theirs);
    assertThat(Channels.json(cancelled).path("outcome").asText()).isEqualTo("CANCELLED");

    long ours = IDS.incrementAndGet();
    String orderId =
        Channels.json(send(order(ours, "processing", sku, 1), "order.created", "o-" + ours))
            .path("orderId")
            .asText();
    assertThat(admin.post("/orders/" + orderId + "/cancel", Map.of("reason", "fraud")).status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(woo.requests("PUT", "/orders/" + ours))
                    .anyMatch(s -> s.path("status").asText().equals("cancelled")));
    assertThat(woo.requests("PUT", "/orders/" + theirs)).as("not echoed").isEmpty();
  }

  @Test
  void anOrderAwaitingPaymentIsHeldWithItsStockUntilPaid() {
    long id = IDS.incrementAndGet();
    JsonNode held = Channels.json(send(order(id, "on-hold", sku, 1), "order.created", "h-" + id));
    assertThat(held.path("outcome").asText()).isEqualTo("ON_HOLD");
    JsonNode order = admin.get("/orders/" + held.path("orderId").asText()).json();
    assertThat(order.path("holdReason").asText()).startsWith("awaiting payment");
    assertThat(order.path("lines").get(0).path("reserved").asInt()).isEqualTo(1);
    JsonNode paid =
        Channels.json(send(order(id, "processing", sku, 1), "order.updated", "hp-" + id));
    assertThat(paid.path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(admin.get("/orders/" + held.path("orderId").asText()).json().path("status").asText())
        .isEqualTo("CONFIRMED");
  }

  @Test
  void forgedDeliveriesAreRefused() {
    long id = IDS.incrementAndGet();
    byte[] body = order(id, "processing", sku, 1);
    HttpResponse<String> forged =
        Channels.post(
            SITE,
            body,
            Map.of(
                "X-WC-Webhook-Signature",
                Channels.sign("not the secret", body),
                "X-WC-Webhook-Topic",
                "order.created",
                "X-WC-Webhook-Delivery-ID",
                "f-" + id));
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> unsigned =
        Channels.post(SITE, body, Map.of("X-WC-Webhook-Topic", "order.created"));
    assertThat(unsigned.statusCode()).isEqualTo(401);
  }

  static HttpResponse<String> send(byte[] body, String topic, String delivery) {
    return Channels.post(
        SITE,
        body,
        Map.of(
            "X-WC-Webhook-Signature", Channels.sign(SECRET, body),
            "X-WC-Webhook-Topic", topic,
            "X-WC-Webhook-Delivery-ID", delivery));
  }

  /** An order in WooCommerce's REST v3 shape whose totals add up. */
  static byte[] order(long id, String status, String sku, int quantity) {
    ObjectNode order = Api.JSON.createObjectNode();
    BigDecimal total = new BigDecimal("10.00").multiply(BigDecimal.valueOf(quantity));
    order.put("id", id).put("status", status).put("currency", "EUR");
    order
        .put("total", total.toPlainString())
        .put("shipping_total", "0.00")
        .put("total_tax", "0.00");
    order
        .putObject("billing")
        .put("first_name", "Max")
        .put("last_name", "Muster")
        .put("email", "woo" + id + "@example.com");
    order
        .putObject("shipping")
        .put("address_1", "Domstrasse 2")
        .put("city", "Koeln")
        .put("postcode", "50668")
        .put("country", "DE");
    order
        .putArray("line_items")
        .addObject()
        .put("name", "Item")
        .put("sku", sku)
        .put("quantity", quantity)
        .put("total", total.toPlainString());
    return order.toString().getBytes(UTF_8);
  }
}
