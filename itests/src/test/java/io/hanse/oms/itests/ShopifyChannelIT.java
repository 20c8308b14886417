package io.hanse.oms.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Shopify connector installed on the running server as an operator would (feature:install, a
 * file in etc/), fed signed webhooks, and talking back to a stub playing Shopify's Admin API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopifyChannelIT {
  /** The secret of the published signature vector, so Shopify's own sample verifies as sent. */
  private static final String SECRET = "test_shopify_secret";

  private static final String SHOP = "itshop";
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

  private static Api admin;
  private static ShopifyStub shopify;
  private static String location;
  private static String sku;
  private static String other;

  @BeforeAll
  static void installTheConnector() throws Exception {
    admin = Api.admin();
    location = Fixtures.location(admin, "WAREHOUSE", "web");
    sku = Fixtures.product(admin, "10.00", false);
    other = Fixtures.product(admin, "4.50", false);
    Fixtures.stock(admin, sku, location, 100);
    Fixtures.stock(admin, other, location, 40);
    shopify = new ShopifyStub(List.of(sku, other));

    assertThat(Ssh.run("admin", "admin", "feature:install hanse-channel-shopify").all())
        .doesNotContain("Error");
    Path etc = HanseServer.get().etc();
    Files.writeString(
        etc.resolve("io.hanse.oms.channel.shopify-" + SHOP + ".cfg"),
        String.join(
            "\n",
            "webhookSecret = " + SECRET,
            "adminApiUrl = " + shopify.adminApiUrl(),
            "accessToken = shpat_it",
            "location = 655441491",
            "departments = web",
            ""));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Api.Reply status = admin.get("/channels/" + SHOP);
              assertThat(status.status()).as(status.toString()).isEqualTo(200);
              assertThat(status.json().path("problem").asText(null)).as(status.toString()).isNull();
            });
  }

  @AfterAll
  static void stopTheStub() throws Exception {
    Channels.remove("shopify", SHOP);
    if (shopify != null) {
      shopify.close();
    }
  }

  @Test
  @Order(1)
  void theShippedExampleShowsAsNotConfigured() {
    Api.Reply example = admin.get("/channels/example-shop");
    assertThat(example.status()).isEqualTo(200);
    assertThat(example.json().path("problem").asText()).contains("webhookSecret");
    HttpResponse<String> refused =
        webhook("example-shop", body(next(), sku, 1), "orders/create", "x");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).doesNotContain("webhookSecret");
  }

  @Test
  @Order(2)
  void aSignedOrderIsTakenWithItsStock() {
    long id = next();
    HttpResponse<String> r = webhook(SHOP, body(id, sku, 2), "orders/create", "d-" + id);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = json(r);
    assertThat(result.path("outcome").asText()).isEqualTo("ACCEPTED");
    JsonNode order = admin.get("/orders/" + result.path("orderId").asText()).json();
    assertThat(order.path("channel").asText()).isEqualTo(SHOP);
    assertThat(order.path("externalId").asText()).isEqualTo(String.valueOf(id));
    assertThat(order.path("placedBy").asText()).isEqualTo("channel:" + SHOP);
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.path("lines").get(0).path("reserved").asInt()).isEqualTo(2);
    assertThat(order.path("shippingAddress").path("country").asText()).isEqualTo("DE");
  }

  @Test
  @Order(3)
  void shopifysOwnSampleVerifiesWithThePublishedSignature() throws Exception {
    byte[] sample =
        Files.readAllBytes(fixtures().resolve("shopify_orders_webhook_docs_sample.json"));
    HttpResponse<String> r =
        send(
            SHOP,
            sample,
            "dSeG0J0rcyWhax0i/tfYztQyoz2FJe+NSpxU3mVrvYo=",
            "orders/cancelled",
            "sample-" + next());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // The sample is a cancelled order this shop never sent: nothing to cancel.
    assertThat(json(r).path("outcome").asText()).isEqualTo("IGNORED");
  }

  @Test
  @Order(4)
  void forgedOrBrokenWebhooksAreRefusedAndNothingIsStored() {
    int entriesBefore = inbox().size();
    long id = next();
    byte[] good = body(id, sku, 1);
    byte[] changed = good.clone();
    changed[changed.length / 2] ^= 1;
    String delivery = "forged-" + id;
    assertThat(send(SHOP, changed, sign(SECRET, good), "orders/create", delivery).statusCode())
        .isEqualTo(401);
    assertThat(send(SHOP, good, sign("wrong secret", good), "orders/create", delivery).statusCode())
        .isEqualTo(401);
    assertThat(send(SHOP, good, null, "orders/create", delivery).statusCode()).isEqualTo(401);
    assertThat(
            send(SHOP, new byte[0], sign(SECRET, new byte[0]), "orders/create", delivery)
                .statusCode())
        .isEqualTo(400);
    // the topic header is not signed: a signed order body sent as "orders/cancelled" cancels
    // nothing
    String taken =
        json(webhook(SHOP, good, "orders/create", "real-" + id)).path("orderId").asText();
    HttpResponse<String> forgedTopic =
        webhook(SHOP, good, "orders/cancelled", "forged-topic-" + id);
    assertThat(json(forgedTopic).path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(admin.get("/orders/" + taken).json().path("status").asText()).isEqualTo("CONFIRMED");
    entriesBefore += 2;
    HttpResponse<String> unknown = webhook("no-such-shop", good, "orders/create", delivery);
    assertThat(unknown.statusCode()).isEqualTo(503);
    assertThat(json(unknown).path("type").asText()).endsWith("/channel-unavailable");

    assertThat(inbox()).hasSize(entriesBefore);
    assertThat(inbox().stream().filter(e -> e.path("deliveryId").asText().equals(delivery)))
        .isEmpty();
  }

  @Test
  @Order(5)
  void aWebhookDeliveredFiveTimesTwoAtOnceIsOneOrderAndOneMovement() throws Exception {
    long id = next();
    byte[] body = body(id, other, 3);
    String delivery = "dup-" + id;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> together = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      together.add(
          pool.submit(
              () -> {
                start.await();
                return webhook(SHOP, body, "orders/create", delivery);
              }));
    }
    start.countDown();
    Set<String> orderIds = new HashSet<>();
    for (Future<HttpResponse<String>> f : together) {
      HttpResponse<String> r = f.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      orderIds.add(json(r).path("orderId").asText());
    }
    pool.shutdown();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = webhook(SHOP, body, "orders/create", delivery);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).path("duplicate").asBoolean()).isTrue();
      orderIds.add(json(r).path("orderId").asText());
    }
    // orders/paid is another delivery of the same order: still one order
    HttpResponse<String> paid = webhook(SHOP, body, "orders/paid", "paid-" + id);
    assertThat(json(paid).path("outcome").asText()).isEqualTo("UNCHANGED");
    orderIds.add(json(paid).path("orderId").asText());
    // updates are not applied, and never create an order
    HttpResponse<String> updated =
        webhook(SHOP, body(next(), other, 1), "orders/updated", "upd-" + id);
    assertThat(json(updated).path("outcome").asText()).isEqualTo("IGNORED");

    assertThat(orderIds).hasSize(1);
    String orderId = orderIds.iterator().next();
    long movements = 0;
    for (JsonNode m : admin.get("/stock/" + other + "/movements?limit=500").json()) {
      if (orderId.equals(m.path("orderId").asText())) {
        movements++;
      }
    }
    assertThat(movements).isEqualTo(1);
    long entries =
        inbox().stream()
            .filter(e -> String.valueOf(id).equals(e.path("externalId").asText()))
            .count();
    assertThat(entries).as("one inbox entry per delivery").isEqualTo(2);
    assertThat(
            inbox().stream().filter(e -> e.path("externalId").asText().equals(String.valueOf(id))))
        .extracting(e -> e.path("outcome").asText())
        .as("a later delivery does not overwrite what the first one did")
        .contains("ACCEPTED");
  }

  @Test
  @Order(6)
  void anUnknownSkuHoldsTheOrderUntilTheCatalogKnowsIt() {
    String newSku = Api.unique("SHOPIFYNEW");
    long id = next();
    HttpResponse<String> r = webhook(SHOP, body(id, newSku, 1), "orders/create", "unk-" + id);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode result = json(r);
    assertThat(result.path("outcome").asText()).isEqualTo("ON_HOLD");
    String orderId = result.path("orderId").asText();
    JsonNode held = admin.get("/orders/" + orderId).json();
    assertThat(held.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(held.path("holdReason").asText()).contains("unknown sku: " + newSku);
    assertThat(held.path("lines").get(0).path("reserved").asInt()).isZero();

    Api.Reply early = admin.post("/orders/" + orderId + "/release", Map.of());
    assertThat(early.status()).isEqualTo(400);
    assertThat(admin.get("/orders/" + orderId).json().path("status").asText()).isEqualTo("ON_HOLD");

    Fixtures.putProduct(admin, newSku, "12.00", false, List.of());
    Fixtures.stock(admin, newSku, location, 5);
    Api.Reply released = admin.post("/orders/" + orderId + "/release", Map.of());
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(released.json().path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(released.json().path("lines").get(0).path("reserved").asInt()).isEqualTo(1);
    assertThat(new BigDecimal(released.json().path("total").path("amount").asText()))
        .isEqualByComparingTo(new BigDecimal("12.00"));
  }

  @Test
  @Order(7)
  void stockChangesReachTheShop() {
    Fixtures.stock(admin, sku, location, 7);
    int expected = admin.get("/stock/" + sku).json().path("available").asInt();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(shopify.lastQuantity(sku)).isEqualTo(expected));
    Api.Reply safety =
        admin.put(
            "/stock/" + sku + "/locations/" + location + "/safety-stock", Map.of("quantity", 5));
    assertThat(safety.status()).as(safety.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(shopify.lastQuantity(sku)).isEqualTo(expected - 5));
  }

  @Test
  @Order(8)
  void shipmentsAndCancellationsGoBackToShopify() {
    long shippedId = next();
    String shipped =
        json(webhook(SHOP, body(shippedId, sku, 1), "orders/create", "s-" + shippedId))
            .path("orderId")
            .asText();
    Api.Reply ship =
        admin.post(
            "/orders/" + shipped + "/shipments",
            Map.of(
                "carrier",
                "DHL",
                "trackingNumber",
                "JJD000390007" + shippedId % 1000,
                "lines",
                List.of(Map.of("sku", sku, "quantity", 1))));
    assertThat(ship.status()).as(ship.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                shopify.requests("fulfillmentCreate").stream()
                    .anyMatch(
                        q ->
                            q.path("variables")
                                .path("fulfillment")
                                .path("trackingInfo")
                                .path("number")
                                .asText()
                                .equals("JJD000390007" + shippedId % 1000)));

    long cancelledByUs = next();
    String ours =
        json(webhook(SHOP, body(cancelledByUs, sku, 1), "orders/create", "c-" + cancelledByUs))
            .path("orderId")
            .asText();
    long cancelledThere = next();
    String theirs =
        json(webhook(SHOP, body(cancelledThere, sku, 1), "orders/create", "t-" + cancelledThere))
            .path("orderId")
            .asText();
    HttpResponse<String> cancelled =
        webhook(SHOP, cancelledBody(cancelledThere), "orders/cancelled", "tc-" + cancelledThere);
    assertThat(json(cancelled).path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(admin.get("/orders/" + theirs).json().path("status").asText())
        .isEqualTo("CANCELLED");

    assertThat(admin.post("/orders/" + ours + "/cancel", Map.of("reason", "out of stock")).status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> cancelRequestsFor(cancelledByUs) == 1);
    // Shopify's own cancellation is not echoed back to it.
    assertThat(cancelRequestsFor(cancelledThere)).isZero();
  }

  @Test
  @Order(9)
  void operatorsSeeAndReplayFromTheShell() {
    String list = Ssh.run("admin", "admin", "oms:channel-list").all();
    assertThat(list)
        .contains(SHOP)
        .contains("shopify")
        .contains("example-shop")
        .contains("NOT CONFIGURED");
    String status = Ssh.run("admin", "admin", "oms:channel-status " + SHOP).all();
    assertThat(status).contains("Availability").contains("ON_HOLD");
    long entry =
        inbox().stream()
            .filter(e -> e.path("outcome").asText().equals("ON_HOLD"))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asLong();
    assertThat(Ssh.run("admin", "admin", "oms:channel-replay " + entry).all())
        .contains("UNCHANGED");
    assertThat(Ssh.run("admin", "admin", "oms:channel-resync " + SHOP).all())
        .contains("SKUs queued");
    assertThat(Ssh.run("admin", "admin", "oms:channel-status no-such-shop").all())
        .containsIgnoringCase("not found");
  }

  @Test
  @Order(10)
  void uninstallingWhileWebhooksArriveLosesNothing() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Long> sent = new CopyOnWriteArrayList<>();
    List<Long> refused = new CopyOnWriteArrayList<>();
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Thread shop =
        new Thread(
            () -> {
              while (running.get()) {
                long id = next();
                HttpResponse<String> r =
                    webhook(SHOP, body(id, sku, 1), "orders/create", "u-" + id);
                sent.add(id);
                statuses.add(r.statusCode());
                if (r.statusCode() != 200) {
                  refused.add(id);
                }
              }
            });
    shop.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() > 5);
      assertThat(Ssh.run("admin", "admin", "feature:uninstall hanse-channel-shopify").all())
          .doesNotContain("Error");
      await().atMost(Duration.ofSeconds(30)).until(() -> statuses.contains(503));
      assertThat(Ssh.run("admin", "admin", "feature:install hanse-channel-shopify").all())
          .doesNotContain("Error");
      int before = sent.size();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> sent.size() > before + 5 && statuses.get(statuses.size() - 1) == 200);
    } finally {
      running.set(false);
      shop.join();
    }
    assertThat(new HashSet<>(statuses)).as("retryable refusals only").isSubsetOf(Set.of(200, 503));
    // Shopify retries what was refused
    for (long id : refused) {
      assertThat(webhook(SHOP, body(id, sku, 1), "orders/create", "u-" + id).statusCode())
          .isEqualTo(200);
    }
    for (long id : sent) {
      HttpResponse<String> again = webhook(SHOP, body(id, sku, 1), "orders/create", "u-" + id);
      assertThat(json(again).path("duplicate").asBoolean()).as("order " + id).isTrue();
      assertThat(admin.get("/orders/" + json(again).path("orderId").asText()).status())
          .isEqualTo(200);
    }
  }

  private static long cancelRequestsFor(long externalId) {
    return shopify.requests("orderCancel").stream()
        .filter(
            q ->
                q.path("variables").path("id").asText().equals("gid://shopify/Order/" + externalId))
        .count();
  }

  private static List<JsonNode> inbox() {
    List<JsonNode> entries = new ArrayList<>();
    admin.get("/channels/" + SHOP + "/inbox?limit=500").json().forEach(entries::add);
    return entries;
  }

  private static long next() {
    return IDS.incrementAndGet();
  }

  private static Path fixtures() {
    return Path.of(System.getProperty("hanse.fixtures", "../fixtures/published"));
  }

  /** An order webhook body in Shopify's order shape, consistent in its totals. */
  static byte[] body(long id, String sku, int quantity) {
    ObjectNode order = Api.JSON.createObjectNode();
    order.put("id", id).put("name", "#" + id).put("email", "buyer" + id + "@example.com");
    order.put("currency", "EUR").putNull("cancelled_at");
    BigDecimal price = new BigDecimal("10.00");
    order.put(
        "total_line_items_price", price.multiply(BigDecimal.valueOf(quantity)).toPlainString());
    order.putObject("customer").put("first_name", "Erika").put("last_name", "Muster");
    order
        .putObject("shipping_address")
        .put("address1", "Hafenstrasse 1")
        .put("city", "Hamburg")
        .put("zip", "20457")
        .put("country_code", "DE")
        .put("name", "Erika Muster");
    ArrayNode lines = order.putArray("line_items");
    lines
        .addObject()
        .put("id", id * 10)
        .put("title", "Item " + sku)
        .put("sku", sku)
        .put("price", price.toPlainString())
        .put("quantity", quantity)
        .put("current_quantity", quantity)
        .put("requires_shipping", true);
    return order.toString().getBytes(UTF_8);
  }

  private static byte[] cancelledBody(long id) {
    return ("{\"id\":"
            + id
            + ",\"cancelled_at\":\"2026-11-27T10:00:00+01:00\",\"cancel_reason\":\"customer\"}")
        .getBytes(UTF_8);
  }

  static HttpResponse<String> webhook(String shop, byte[] body, String topic, String delivery) {
    return send(shop, body, sign(SECRET, body), topic, delivery);
  }

  static HttpResponse<String> send(
      String shop, byte[] body, String signature, String topic, String delivery) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("X-Shopify-Topic", topic);
    headers.put("X-Shopify-Webhook-Id", delivery);
    headers.put("X-Shopify-Shop-Domain", "itshop.myshopify.com");
    if (signature != null) {
      headers.put("X-Shopify-Hmac-Sha256", signature);
    }
    return Channels.post(shop, body, headers);
  }

  static String sign(String secret, byte[] body) {
    return Channels.sign(secret, body);
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Channels.json(r);
  }
}
