package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hanse.oms.itests.soap.orders.Customer;
import io.hanse.oms.itests.soap.orders.NewLine;
import io.hanse.oms.itests.soap.orders.NewOrder;
import io.hanse.oms.itests.soap.orders.NewPayment;
import io.hanse.oms.itests.soap.orders.Order;
import io.hanse.oms.itests.soap.orders.Quantity;
import io.hanse.oms.itests.soap.payments.CardToken;
import io.hanse.oms.itests.soap.payments.GiftCard;
import io.hanse.oms.itests.soap.payments.IssuedGiftCard;
import io.hanse.oms.itests.soap.payments.Payment;
import io.hanse.oms.itests.soap.payments.PaymentService;
import io.hanse.oms.itests.soap.payments.PaymentService_Service;
import io.hanse.oms.itests.soap.payments.ReceivedLine;
import io.hanse.oms.itests.soap.payments.Refund;
import io.hanse.oms.itests.soap.payments.ReturnLine;
import io.hanse.oms.itests.soap.payments.Rma;
import io.hanse.oms.itests.soap.payments.ServiceFault;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.ws.WebServiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments, refunds, returns and gift cards over SOAP through a client generated from the published
 * PaymentService WSDL, against the demo gateways (vault, card simulator, gift cards): the same
 * money as REST, with faults that carry codes and never a card number.
 */
class SoapPaymentsIT {
  static final String VISA = "4242424242424242";
  static final String DECLINED = "4000000000000002";

  private final Api admin = Api.admin();

  @BeforeAll
  static void paymentServiceIsPublished() {
    // the shared server waits for the first three services; this one is published with them
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest wsdl =
        HttpRequest.newBuilder(URI.create(HanseServer.get().soap("PaymentService") + "?wsdl"))
            .timeout(Duration.ofSeconds(5))
            .build();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> http.send(wsdl, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  static PaymentService payments(String user) {
    return Soap.as(
        new PaymentService_Service(Soap.wsdl("PaymentService")).getPaymentPort(), user, user);
  }

  private record Scene(String location, String sku, String email) {}

  /** A product at {@code price} with {@code stock} units at a new location. */
  private Scene scene(String price, int stock) {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, price, false);
    Fixtures.stock(admin, sku, location, stock);
    return new Scene(
        location, sku, Api.unique("soappay").toLowerCase(Locale.ROOT) + "@example.com");
  }

  private static String tokenize(String number) throws Exception {
    return payments("agent").tokenizeCard(number, "12", "2031", "123").getToken();
  }

  private static NewOrder paidOrder(Scene s, int quantity, String cardToken) {
    NewOrder order = new NewOrder();
    order.setChannel("phone");
    order.setExternalId(Api.unique("ERP"));
    Customer customer = new Customer();
    customer.setEmail(s.email());
    customer.setName("Legacy Customer");
    order.setCustomer(customer);
    NewLine line = new NewLine();
    line.setSku(s.sku());
    line.setQuantity(quantity);
    order.getLine().add(line);
    NewPayment card = new NewPayment();
    card.setMethod("card");
    card.setToken(cardToken);
    order.getPayment().add(card);
    return order;
  }

  /** An order of {@code quantity} units paid by the test Visa card, placed and shipped whole. */
  private Order shippedOrder(Scene s, int quantity) throws Exception {
    Order placed = Soap.orders("agent").placeOrder(paidOrder(s, quantity, tokenize(VISA)), null);
    assertThat(placed.getStatus()).isEqualTo("CONFIRMED");
    return Soap.orders("manager")
        .shipOrder(placed.getId(), "DHL", Api.unique("TRK"), List.of(quantity(s.sku(), quantity)));
  }

  private static Payment onlyPayment(String orderId) throws Exception {
    List<Payment> list = payments("agent").getPayments(orderId);
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void aCardIsTokenizedAndOnlyItsLastFourDigitsComeBack() throws Exception {
    CardToken card = payments("agent").tokenizeCard(VISA, "12", "2031", "123");
    assertThat(card.getToken()).startsWith("tok_").doesNotContain("424242424242");
    assertThat(card.getBrand()).isEqualTo("visa");
    assertThat(card.getLast4()).isEqualTo("4242");
    assertThat(card.getExpMonth()).isEqualTo(12);
    assertThat(card.getExpYear()).isEqualTo(2031);
    assertThat(payments("channel").tokenizeCard(VISA, "12", "2031", null).getLast4())
        .as("channels tokenize too")
        .isEqualTo("4242");

    // on the wire: the answer holds the last four digits, never the number
    HttpResponse<String> answer = raw("agent", tokenizeCard(VISA, "12"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains(">4242<").doesNotContain("424242424242");
    // a number in the wrong field, or one that fails the check digit, is refused without quoting it
    HttpResponse<String> wrongField = raw("agent", tokenizeCard("x", VISA));
    assertThat(wrongField.body()).contains("invalid-request").doesNotContain(VISA);
    HttpResponse<String> luhn = raw("agent", tokenizeCard("4242424242424241", "12"));
    assertThat(luhn.body()).contains("invalid-request").doesNotContain("4242424242424241");
    assertThat(HanseServer.get().log()).doesNotContain(VISA).doesNotContain("4242424242424241");
  }

  @Test
  void aCardOrderIsAuthorizedCapturedOnShipmentAndRefundedOnceNeverMoreThanCaptured()
      throws Exception {
    Scene s = scene("10.00", 10);
    Order placed = Soap.orders("agent").placeOrder(paidOrder(s, 2, tokenize(VISA)), null);
    assertThat(placed.getStatus()).isEqualTo("CONFIRMED");
    assertThat(placed.getPayment())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getTender()).isEqualTo("card");
              assertThat(p.getDisplay()).isEqualTo("visa •••• 4242");
              assertThat(p.getStatus()).isEqualTo("AUTHORIZED");
              assertThat(p.getAuthorized()).isEqualByComparingTo("20.00");
              assertThat(p.getCurrency()).isEqualTo("EUR");
            });
    String id = placed.getId();

    Soap.orders("manager").shipOrder(id, "DHL", Api.unique("TRK"), List.of(quantity(s.sku(), 2)));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> onlyPayment(id).getStatus().equals("CAPTURED"));
    Payment captured = onlyPayment(id);
    assertThat(captured.getCaptured()).isEqualByComparingTo("20.00");
    assertThat(captured.getOperation()).extracting(o -> o.getType()).contains("CAPTURE");
    assertThat(Soap.orders("agent").getOrder(id).getPayment().get(0).getStatus())
        .isEqualTo("CAPTURED");

    PaymentService manager = payments("manager");
    String key = Api.unique("refund");
    Refund first = manager.refundOrder(id, new BigDecimal("5.00"), null, "damaged", null, key);
    Refund retried = manager.refundOrder(id, new BigDecimal("5.00"), null, "damaged", null, key);
    assertThat(retried.getId()).as("the same key, the same refund").isEqualTo(first.getId());
    assertThat(first.getAmount()).isEqualByComparingTo("5.00");
    assertThat(first.getCurrency()).isEqualTo("EUR");
    assertThat(onlyPayment(id).getRefunded()).as("refunded once").isEqualByComparingTo("5.00");

    assertThatThrownBy(
            () ->
                manager.refundOrder(
                    id, new BigDecimal("20.01"), "EUR", null, null, Api.unique("refund")))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("invalid-request"));
    assertThatThrownBy(
            () -> manager.refundOrder(id, new BigDecimal("1.00"), null, null, null, null))
        .as("a refund without an idempotency key")
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("invalid-request"));
    assertThatThrownBy(
            () ->
                payments("agent")
                    .refundOrder(id, new BigDecimal("1.00"), null, null, null, Api.unique("r")))
        .as("refunds need a manager")
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");
    assertThat(onlyPayment(id).getRefunded()).isEqualByComparingTo("5.00");
  }

  @Test
  void aReturnIsRequestedAuthorizedReceivedRestockedAndRefunded() throws Exception {
    Scene s = scene("12.50", 5);
    Order shipped = shippedOrder(s, 2);
    String id = shipped.getId();
    assertThat(shipped.getStatus()).isEqualTo("SHIPPED");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> onlyPayment(id).getStatus().equals("CAPTURED"));
    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt()).isEqualTo(3);

    ReturnLine asked = new ReturnLine();
    asked.setSku(s.sku());
    asked.setQuantity(2);
    asked.setReason("too small");
    Rma requested = payments("agent").requestReturn(id, List.of(asked), "customer called");
    assertThat(requested.getStatus()).isEqualTo("REQUESTED");
    assertThat(requested.getLine())
        .singleElement()
        .satisfies(l -> assertThat(l.getQuantity()).isEqualTo(2));

    PaymentService manager = payments("manager");
    assertThat(manager.authorizeReturn(requested.getId()).getStatus()).isEqualTo("AUTHORIZED");
    ReceivedLine back = new ReceivedLine();
    back.setSku(s.sku());
    back.setQuantity(2);
    back.setDisposition("RESTOCK");
    back.setLocation(s.location());
    Rma received = manager.receiveReturn(requested.getId(), List.of(back), null);
    assertThat(received.getStatus()).isEqualTo("RECEIVED");
    assertThat(received.getRefundId()).isNotNull();
    assertThat(received.getRefunded()).isEqualByComparingTo("25.00");
    assertThat(received.getLine())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.getReceived()).isEqualTo(2);
              assertThat(l.getRestocked()).isEqualTo(2);
            });

    Payment refunded = onlyPayment(id);
    assertThat(refunded.getRefunded()).isEqualByComparingTo("25.00");
    assertThat(refunded.getStatus()).isEqualTo("REFUNDED");
    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt())
        .as("restocked at the location")
        .isEqualTo(5);
    assertThat(Soap.orders("agent").getOrder(id).getStatus()).isEqualTo("RETURNED");
    assertThat(payments("agent").getReturns(id))
        .extracting(Rma::getId)
        .containsExactly(requested.getId());

    assertThatThrownBy(() -> payments("agent").authorizeReturn(requested.getId()))
        .as("authorizing a return needs a manager")
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");
    assertThatThrownBy(() -> manager.receiveReturn(requested.getId(), List.of(back), null))
        .as("received once")
        .isInstanceOfSatisfying(
            ServiceFault.class, f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("conflict"));
  }

  @Test
  void aGiftCardIsIssuedOnceAndItsBalanceLookedUpByCode() throws Exception {
    IssuedGiftCard issued =
        payments("manager").issueGiftCard(new BigDecimal("30.00"), "EUR", Api.unique("gift"));
    String code = issued.getCode();
    assertThat(code).isNotBlank();
    assertThat(issued.getCard().getBalance()).isEqualByComparingTo("30.00");

    GiftCard card = payments("channel").giftCardBalance(code);
    assertThat(card.getId()).isEqualTo(issued.getCard().getId());
    assertThat(card.getBalance()).isEqualByComparingTo("30.00");
    assertThat(card.getCurrency()).isEqualTo("EUR");
    assertThat(card.getStatus()).isEqualTo("ACTIVE");
    assertThat(code).endsWith(card.getLast4());

    assertThatThrownBy(() -> payments("agent").giftCardBalance("NO-SUCH-CODE-0000"))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> {
              assertThat(f.getFaultInfo().getCode()).isEqualTo("not-found");
              assertThat(f.getFaultInfo().getMessage()).doesNotContain("NO-SUCH-CODE");
            });
    assertThatThrownBy(() -> payments("agent").issueGiftCard(new BigDecimal("5.00"), "EUR", null))
        .as("issuing needs a manager")
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");
  }

  @Test
  void aDeclinedCardHoldsTheOrderWithTheReasonAndAnotherCardReleasesIt() throws Exception {
    Scene s = scene("8.00", 5);
    Order held = Soap.orders("agent").placeOrder(paidOrder(s, 1, tokenize(DECLINED)), null);
    assertThat(held.getStatus()).isEqualTo("ON_HOLD");
    assertThat(held.getHoldReason()).contains("payment declined").contains("card_declined");
    assertThat(held.getPayment())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getStatus()).isEqualTo("DECLINED");
              assertThat(p.getDeclineReason()).isNotBlank();
            });

    io.hanse.oms.itests.soap.payments.NewPayment card =
        new io.hanse.oms.itests.soap.payments.NewPayment();
    card.setMethod("card");
    card.setToken(tokenize(VISA));
    Payment added = payments("agent").addPayment(held.getId(), card);
    assertThat(added.getStatus()).isEqualTo("AUTHORIZED");
    assertThat(Soap.orders("agent").getOrder(held.getId()).getStatus()).isEqualTo("CONFIRMED");
  }

  @Test
  void theServedWsdlIsThePublishedContract() throws Exception {
    String served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Soap.wsdl("PaymentService").toURI()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String published =
        Files.readString(
            Path.of(
                "..",
                "bundles",
                "soap",
                "src",
                "main",
                "resources",
                "wsdl",
                "PaymentService.wsdl"));
    assertThat(Soap.operations(served))
        .isEqualTo(Soap.operations(published))
        .contains("tokenizeCard", "refundOrder", "receiveReturn", "giftCardBalance");
    assertThat(served).contains(HanseServer.get().soap("PaymentService").toString());
  }

  private static Quantity quantity(String sku, int units) {
    Quantity q = new Quantity();
    q.setSku(sku);
    q.setQuantity(units);
    return q;
  }

  private static String tokenizeCard(String number, String expMonth) {
    return "<p:tokenizeCard xmlns:p=\"http://hanse-oms.io/soap/payments/v1\"><p:number>"
        + number
        + "</p:number><p:expMonth>"
        + expMonth
        + "</p:expMonth><p:expYear>2031</p:expYear><p:cvc>123</p:cvc></p:tokenizeCard>";
  }

  /**
   * A hand-written request to the payment service as {@code user}, to see the bytes on the wire.
   */
  private static HttpResponse<String> raw(String user, String body) throws Exception {
    String wsse =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    String envelope =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>"
            + "<wsse:Security xmlns:wsse=\""
            + wsse
            + "\"><wsse:UsernameToken><wsse:Username>"
            + user
            + "</wsse:Username><wsse:Password>"
            + user
            + "</wsse:Password></wsse:UsernameToken></wsse:Security></s:Header><s:Body>"
            + body
            + "</s:Body></s:Envelope>";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(HanseServer.get().soap("PaymentService"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
