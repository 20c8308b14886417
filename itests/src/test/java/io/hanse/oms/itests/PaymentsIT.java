package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money through an order's life, over REST against the demo gateways: the vault, the card simulator
 * and gift cards. Authorize on acceptance, capture per shipment, void on cancel, refund exactly
 * once and never more than captured.
 */
class PaymentsIT {
  static final String VISA = "4242424242424242";
  static final String DECLINED = "4000000000000002";
  static final String NO_FUNDS = "4000000000009995";
  static final String TIMES_OUT = "4000000000000119";

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

  static String tokenize(Api api, String number) {
    Api.Reply r =
        api.post(
            "/vault/cards",
            Map.of("number", number, "expMonth", 12, "expYear", 2031, "cvc", "123"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.response().body()).doesNotContain(number.substring(0, 12));
    return r.json().path("token").asText();
  }

  private static Map<String, Object> card(String token, String amount) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", "card");
    p.put("token", token);
    if (amount != null) {
      p.put("amount", amount);
    }
    return p;
  }

  private static Map<String, Object> withOrder(String orderId, Map<String, Object> payment) {
    Map<String, Object> body = new LinkedHashMap<>(payment);
    body.put("orderId", orderId);
    return body;
  }

  private Map<String, Object> order(List<Map<String, Object>> payments, Object... skuQuantity) {
    Map<String, Object> body =
        Fixtures.order(
            "phone", Api.unique("payer").toLowerCase(Locale.ROOT) + "@example.com", skuQuantity);
    body.put("payments", payments);
    return body;
  }

  /** A phone order for {@code quantity} of {@code sku}, paid with the approved test card. */
  private String paidByCard(String sku, int quantity) {
    Api.Reply placed =
        agent.post("/orders", order(List.of(card(tokenize(agent, VISA), null)), sku, quantity));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json().path("id").asText();
  }

  private int reserved(String sku) {
    return admin.get("/stock/" + sku).json().path("reserved").asInt();
  }

  @Test
  void aCardIsAuthorizedCapturedPerShipmentAndRefundedNeverMoreThanCaptured() throws Exception {
    Api.Reply tokenized =
        agent.post(
            "/vault/cards",
            Map.of(
                "number",
                "4242 4242 4242 4242",
                "expMonth",
                "12",
                "expYear",
                "2031",
                "cvc",
                "123"));
    assertThat(tokenized.status()).as(tokenized.toString()).isEqualTo(201);
    JsonNode card = tokenized.json();
    assertThat(card.path("brand").asText()).isEqualTo("visa");
    assertThat(card.path("last4").asText()).isEqualTo("4242");
    assertThat(tokenized.response().body()).doesNotContain("424242424242");

    String a = stocked("10.00", 10);
    String b = stocked("5.00", 10);
    Api.Reply placed =
        agent.post(
            "/orders", order(List.of(card(card.path("token").asText(), "25.00")), a, 2, b, 1));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    String id = order.path("id").asText();
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    JsonNode payment = order.path("payments").get(0);
    assertThat(payment.path("tender").asText()).isEqualTo("card");
    assertThat(payment.path("display").asText()).isEqualTo("visa •••• 4242");
    assertThat(payment.path("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(payment.path("authorized").path("amount").asText()).isEqualTo("25.00");

    ship(id, a, 2);
    payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("status").asText()).isEqualTo("PARTIALLY_CAPTURED");
    assertThat(payment.path("captured").path("amount").asText()).isEqualTo("20.00");
    ship(id, b, 1);
    payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("status").asText()).isEqualTo("CAPTURED");
    assertThat(payment.path("captured").path("amount").asText()).isEqualTo("25.00");

    Api manager = admin;
    Api.Reply first =
        manager
            .with("Idempotency-Key", "r-1")
            .post(
                "/payments/refunds", Map.of("orderId", id, "amount", "5.00", "reason", "damaged"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Api.Reply retried =
        Api.admin()
            .with("Idempotency-Key", "r-1")
            .post(
                "/payments/refunds", Map.of("orderId", id, "amount", "5.00", "reason", "damaged"));
    assertThat(retried.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    Api.Reply tooMuch =
        Api.admin()
            .with("Idempotency-Key", "r-2")
            .post("/payments/refunds", Map.of("orderId", id, "amount", "20.01"));
    assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
    assertThat(
            agent
                .with("Idempotency-Key", "r-3")
                .post("/payments/refunds", Map.of("orderId", id, "amount", "1.00"))
                .status())
        .as("refunds need a manager")
        .isEqualTo(403);

    // eight concurrent refunds of 5.00 against the 20.00 left: exactly four go through
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> refunds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String key = "c-" + i;
      refunds.add(
          () ->
              Api.admin()
                  .with("Idempotency-Key", key)
                  .post("/payments/refunds", Map.of("orderId", id, "amount", "5.00"))
                  .status());
    }
    int created = 0;
    for (Future<Integer> f : pool.invokeAll(refunds)) {
      created += f.get() == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(created).isEqualTo(4);
    payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("refunded").path("amount").asText()).isEqualTo("25.00");
    assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
    long refundOps = 0;
    for (JsonNode op : payment.path("operations")) {
      refundOps += op.path("type").asText().equals("REFUND") ? 1 : 0;
    }
    assertThat(refundOps).isEqualTo(5);
  }

  private void ship(String id, String sku, int quantity) {
    Api.Reply r =
        admin.post(
            "/orders/" + id + "/shipments",
            Map.of(
                "carrier", "DHL",
                "trackingNumber", Api.unique("TRK"),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void aDeclinedCardHoldsTheOrderWithTheReasonAndAnotherCardReleasesIt() {
    String sku = stocked("8.00", 5);
    Api.Reply placed =
        agent.post("/orders", order(List.of(card(tokenize(agent, DECLINED), null)), sku, 1));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    assertThat(order.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(order.path("holdReason").asText())
        .contains("payment declined")
        .contains("card_declined");
    assertThat(order.path("payments").get(0).path("status").asText()).isEqualTo("DECLINED");
    assertThat(reserved(sku)).as("held within the hold policy").isEqualTo(1);

    String id = order.path("id").asText();
    Api.Reply added = agent.post("/payments", withOrder(id, card(tokenize(agent, VISA), null)));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().path("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(admin.get("/orders/" + id).json().path("status").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void aCancelledOrderReleasesItsAuthorization() {
    String sku = stocked("3.00", 5);
    String id = paidByCard(sku, 2);
    JsonNode held = agent.post("/orders/" + id + "/hold", Map.of("reason", "call back")).json();
    assertThat(held.path("payments").get(0).path("status").asText())
        .as("every answer shows the order's payments")
        .isEqualTo("AUTHORIZED");
    assertThat(agent.post("/orders/" + id + "/release", Map.of()).json().path("status").asText())
        .isEqualTo("CONFIRMED");
    Api.Reply cancelled = agent.post("/orders/" + id + "/cancel", Map.of("reason", "changed mind"));
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    JsonNode payment = cancelled.json().path("payments").get(0);
    assertThat(payment.path("status").asText()).isEqualTo("VOIDED");
  }

  @Test
  void aGiftCardAndACardPayTogetherAndADeclinedSplitReleasesTheGiftCard() {
    Api.Reply issued = admin.post("/giftcards", Map.of("amount", "10.00", "currency", "EUR"));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    String code = issued.json().path("code").asText();
    String cardId = issued.json().path("card").path("id").asText();
    String sku = stocked("12.50", 5);

    Map<String, Object> gift = Map.of("method", "giftcard", "code", code, "amount", "10.00");
    Api.Reply refused =
        agent.post("/orders", order(List.of(gift, card(tokenize(agent, NO_FUNDS), null)), sku, 2));
    assertThat(refused.json().path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(refused.json().path("holdReason").asText()).contains("insufficient_funds");
    assertThat(balance(cardId)).as("the gift card's hold was released").isEqualTo("10.00");

    Api.Reply placed =
        agent.post("/orders", order(List.of(gift, card(tokenize(agent, VISA), null)), sku, 2));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.path("payments")).hasSize(2);
    assertThat(order.path("payments").get(0).path("tender").asText()).isEqualTo("giftcard");
    assertThat(order.path("payments").get(0).path("display").asText())
        .doesNotContain(code.substring(0, 8));
    assertThat(order.path("payments").get(1).path("amount").path("amount").asText())
        .isEqualTo("15.00");
    assertThat(balance(cardId)).isEqualTo("0.00");
  }

  private String balance(String giftCardId) {
    return new BigDecimal(
            admin.get("/giftcards/" + giftCardId).json().path("balance").path("amount").asText())
        .setScale(2)
        .toPlainString();
  }

  @Test
  void aTimeoutAfterTheProcessorApprovedIsAskedAgainAndChargesOnce() {
    String sku = stocked("4.00", 5);
    JsonNode order =
        agent
            .post("/orders", order(List.of(card(tokenize(agent, TIMES_OUT), null)), sku, 1))
            .json();
    String id = order.path("id").asText();
    assertThat(order.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(order.path("holdReason").asText()).contains("awaiting payment authorization");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> admin.get("/orders/" + id).json().path("status").asText().equals("CONFIRMED"));
    JsonNode payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("status").asText()).isEqualTo("AUTHORIZED");
    assertThat(payment.path("operations")).hasSize(1);
  }

  @Test
  void aReturnedLineIsRestockedAndRefundedOnce() {
    String sku = stocked("6.00", 5);
    String id = paidByCard(sku, 2);
    ship(id, sku, 2);
    int onHand = admin.get("/stock/" + sku).json().path("onHand").asInt();

    Api.Reply requested =
        agent.post(
            "/returns",
            Map.of(
                "orderId",
                id,
                "reason",
                "too small",
                "lines",
                List.of(Map.of("sku", sku, "quantity", 1))));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
    String rma = requested.json().path("id").asText();
    assertThat(requested.json().path("status").asText()).isEqualTo("REQUESTED");
    assertThat(agent.post("/returns/" + rma + "/authorize", Map.of()).status()).isEqualTo(403);
    assertThat(
            admin.post("/returns/" + rma + "/authorize", Map.of()).json().path("status").asText())
        .isEqualTo("AUTHORIZED");
    Map<String, Object> receipt =
        Map.of(
            "lines",
            List.of(
                Map.of("sku", sku, "quantity", 1, "disposition", "RESTOCK", "location", location)));
    Api.Reply received = admin.post("/returns/" + rma + "/receive", receipt);
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    assertThat(received.json().path("status").asText()).isEqualTo("RECEIVED");
    assertThat(received.json().path("refunded").path("amount").asText()).isEqualTo("6.00");
    assertThat(admin.get("/stock/" + sku).json().path("onHand").asInt()).isEqualTo(onHand + 1);
    assertThat(admin.post("/returns/" + rma + "/receive", receipt).status())
        .as("received once")
        .isEqualTo(409);
    JsonNode payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("refunded").path("amount").asText()).isEqualTo("6.00");
    assertThat(payment.path("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
    Api.Reply tooMany =
        agent.post(
            "/returns", Map.of("orderId", id, "lines", List.of(Map.of("sku", sku, "quantity", 2))));
    assertThat(tooMany.status()).as("only one more unit can come back").isEqualTo(400);
  }

  @Test
  void aCheckHoldsTheOrderUntilItClearsAndAnAccountOrderIsInvoicedWhenItShips() {
    String sku = stocked("20.00", 5);
    JsonNode byCheck =
        agent
            .post("/orders", order(List.of(Map.of("method", "check", "reference", "1042")), sku, 1))
            .json();
    assertThat(byCheck.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(byCheck.path("holdReason").asText()).contains("check 1042");
    JsonNode check = byCheck.path("payments").get(0);
    assertThat(check.path("status").asText()).isEqualTo("AWAITING_CLEARANCE");
    String checkOrder = byCheck.path("id").asText();
    assertThat(agent.post("/orders/" + checkOrder + "/release", Map.of()).status())
        .as("no going ahead by hand while the check is out")
        .isEqualTo(409);
    assertThat(agent.post("/payments/" + check.path("id").asText() + "/clear", Map.of()).status())
        .isEqualTo(403);
    Api.Reply cleared = admin.post("/payments/" + check.path("id").asText() + "/clear", Map.of());
    assertThat(cleared.json().path("status").asText()).isEqualTo("CAPTURED");
    assertThat(admin.get("/orders/" + checkOrder).json().path("status").asText())
        .isEqualTo("CONFIRMED");

    // the customer exists once they ordered; open an account with room for one order only
    JsonNode first = agent.post("/orders", order(List.of(), sku, 1)).json();
    String customer = first.path("customerId").asText();
    Map<String, Object> firm =
        Map.of("email", first.path("customerEmail").asText(), "name", "Firma");
    Map<String, Object> onAccount = order(List.of(Map.of("method", "account")), sku, 2);
    onAccount.put("customer", firm);
    assertThat(
            admin
                .put(
                    "/accounts/" + customer,
                    Map.of("creditLimit", "50.00", "currency", "EUR", "termsDays", 30))
                .status())
        .isEqualTo(200);
    JsonNode placed = agent.post("/orders", onAccount).json();
    assertThat(placed.path("status").asText()).as(placed.toString()).isEqualTo("CONFIRMED");
    assertThat(placed.path("payments").get(0).path("display").asText()).isEqualTo("on account");
    JsonNode account = admin.get("/accounts/" + customer).json();
    assertThat(account.path("authorized").path("amount").asText()).isEqualTo("40.00");
    ship(placed.path("id").asText(), sku, 2);
    JsonNode invoices = admin.get("/accounts/" + customer + "/invoices").json();
    assertThat(invoices).hasSize(1);
    assertThat(invoices.get(0).path("amount").path("amount").asText()).isEqualTo("40.00");
    assertThat(invoices.get(0).path("dueDate").asText())
        .isEqualTo(java.time.LocalDate.now().plusDays(30).toString());
    Map<String, Object> tooMuch = order(List.of(Map.of("method", "account")), sku, 1);
    tooMuch.put("customer", firm);
    JsonNode refused = agent.post("/orders", tooMuch).json();
    assertThat(refused.path("status").asText()).isEqualTo("ON_HOLD");
    assertThat(refused.path("holdReason").asText()).contains("credit_limit");
  }

  @Test
  void aRefundAsStoreCreditIsAGiftCardShownOnceAndSpendable() {
    String sku = stocked("9.00", 5);
    String id = paidByCard(sku, 1);
    ship(id, sku, 1);
    Map<String, Object> request = Map.of("orderId", id, "amount", "9.00", "storeCredit", true);
    Api.Reply credited =
        Api.admin().with("Idempotency-Key", "sc-" + id).post("/payments/refunds", request);
    assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
    String code = credited.json().path("storeCredit").path("code").asText();
    assertThat(code).hasSizeGreaterThan(10);
    String cardId = credited.json().path("storeCredit").path("card").path("id").asText();
    assertThat(balance(cardId)).isEqualTo("9.00");
    JsonNode again =
        Api.admin().with("Idempotency-Key", "sc-" + id).post("/payments/refunds", request).json();
    assertThat(again.path("id").asText()).isEqualTo(credited.json().path("id").asText());
    assertThat(balance(cardId)).as("one card, credited once").isEqualTo("9.00");
    Api.Reply more =
        Api.admin()
            .with("Idempotency-Key", "sc2-" + id)
            .post("/payments/refunds", Map.of("orderId", id, "amount", "0.01"));
    assertThat(more.status()).as("all of it went on the card").isEqualTo(400);
    Api.Reply otherFlag =
        Api.admin()
            .with("Idempotency-Key", "sc-" + id)
            .post("/payments/refunds", Map.of("orderId", id, "amount", "9.00"));
    assertThat(otherFlag.status()).as("the same key for another refund").isEqualTo(422);

    String other = stocked("9.00", 5);
    Api.Reply spent =
        agent.post(
            "/orders",
            order(List.of(Map.of("method", "giftcard", "code", code, "amount", "9.00")), other, 1));
    assertThat(spent.json().path("status").asText()).as(spent.toString()).isEqualTo("CONFIRMED");
  }

  @Test
  void badPaymentsAreRefusedAndChangeNothing() {
    String sku = stocked("9.00", 5);
    String token = tokenize(agent, VISA);
    Api.Reply short1 = agent.post("/orders", order(List.of(card(token, "8.00")), sku, 1));
    assertThat(short1.status()).as(short1.toString()).isEqualTo(400);
    assertThat(short1.response().body()).contains("9.00");
    Api.Reply unknown =
        agent.post("/orders", order(List.of(card("tok_doesnotexist", null)), sku, 1));
    assertThat(unknown.status()).isEqualTo(400);
    Api.Reply method =
        agent.post("/orders", order(List.of(Map.of("method", "bitcoin", "token", token)), sku, 1));
    assertThat(method.status()).isEqualTo(400);
    assertThat(reserved(sku)).isZero();

    Api.Reply luhn =
        agent.post(
            "/vault/cards", Map.of("number", "4242424242424241", "expMonth", 12, "expYear", 2031));
    assertThat(luhn.status()).isEqualTo(400);
    assertThat(luhn.response().body()).doesNotContain("4242424242424241");
    Api.Reply wrongField =
        agent.post(
            "/vault/cards", Map.of("number", "x", "expMonth", "4242424242424242", "expYear", 2031));
    assertThat(wrongField.status()).isEqualTo(400);
    assertThat(wrongField.response().body()).doesNotContain("4242424242424242");
    assertThat(Api.anonymous().post("/vault/cards", Map.of("number", VISA)).status())
        .isEqualTo(401);
  }
}
