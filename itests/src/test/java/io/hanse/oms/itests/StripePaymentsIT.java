package io.hanse.oms.itests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Stripe plugin installed on the running server and pointed at a local stub that answers with
 * Stripe's published PaymentIntent and Refund objects: a hosted checkout's PaymentMethod is
 * authorized with manual capture, captured when the order ships, refunded; a refund made in
 * Stripe's dashboard arrives by signed webhook and is recorded once.
 */
class StripePaymentsIT {
  private static final String SECRET = "whsec_it_secret";
  private static final Path FIXTURES = Path.of("..", "fixtures", "published");
  private static WireMockServer stripe;
  private static Path config;
  private final Api admin = Api.admin();
  private final Api agent = Api.agent();

  @BeforeAll
  static void installStripe() throws IOException {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(json(intent("pi_it_1", "requires_capture", 2500, 0))));
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents/pi_it_1/capture"))
            .willReturn(json(intent("pi_it_1", "succeeded", 2500, 2500))));
    stripe.stubFor(
        post(urlEqualTo("/v1/refunds")).willReturn(json(refund("re_it_hanse", "pi_it_1", 500))));
    assertThat(Ssh.run("admin", "admin", "feature:install hanse-payment-stripe").all())
        .doesNotContain("Error");
    config = HanseServer.get().etc().resolve("io.hanse.oms.payment.stripe.cfg");
    Files.writeString(
        config,
        "apiKey = sk_test_it\napiUrl = http://localhost:"
            + stripe.port()
            + "\nwebhookSecret = "
            + SECRET
            + "\ntimeoutSeconds = 5\n");
  }

  @AfterAll
  static void uninstallStripe() {
    Ssh.run("admin", "admin", "feature:uninstall hanse-payment-stripe");
    stripe.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** Stripe's published PaymentIntent, with the id, status and amounts of this scene. */
  private static String intent(String id, String status, long amount, long received) {
    try {
      ObjectNode pi =
          (ObjectNode)
              Api.JSON.readTree(
                  Files.readString(FIXTURES.resolve("stripe_payment_intent_openapi_fixture.json")));
      pi.put("id", id)
          .put("status", status)
          .put("amount", amount)
          .put("amount_received", received)
          .put("amount_capturable", amount - received)
          .put("currency", "eur")
          .put("capture_method", "manual");
      return Api.JSON.writeValueAsString(pi);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String refund(String id, String paymentIntent, long amount) {
    try {
      ObjectNode re =
          (ObjectNode)
              Api.JSON.readTree(
                  Files.readString(FIXTURES.resolve("stripe_refund_openapi_fixture.json")));
      re.put("id", id)
          .put("payment_intent", paymentIntent)
          .put("amount", amount)
          .put("currency", "eur");
      return Api.JSON.writeValueAsString(re);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aHostedCheckoutPaymentIsAuthorizedCapturedRefundedAndADashboardRefundArrivesOnce()
      throws Exception {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "catalog", "store");
    String sku = Fixtures.product(admin, "12.50", false);
    Fixtures.stock(admin, sku, location, 5);
    Map<String, Object> body =
        Fixtures.order(
            "web", Api.unique("stripe").toLowerCase(Locale.ROOT) + "@example.com", sku, 2);
    body.put("payments", List.of(Map.of("method", "card", "token", "pm_card_visa")));
    // the plugin registers its gateway once its configuration is read
    JsonNode order =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> agent.post("/orders", withNewId(body)), r -> r.status() == 201)
            .json();
    String id = order.path("id").asText();
    assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("CONFIRMED");
    JsonNode payment = order.path("payments").get(0);
    assertThat(payment.path("gateway").asText()).isEqualTo("stripe");
    assertThat(payment.path("reference").asText()).isEqualTo("pi_it_1");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Authorization", equalTo("Bearer sk_test_it"))
            .withHeader("Idempotency-Key", matching(".+"))
            .withRequestBody(containing("amount=2500"))
            .withRequestBody(containing("currency=eur"))
            .withRequestBody(containing("capture_method=manual"))
            .withRequestBody(containing("payment_method=pm_card_visa")));

    Api.Reply shipped =
        admin.post(
            "/orders/" + id + "/shipments",
            Map.of(
                "carrier", "DHL",
                "trackingNumber", Api.unique("T"),
                "lines", List.of(Map.of("sku", sku, "quantity", 2))));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
    assertThat(shipped.json().path("payments").get(0).path("status").asText())
        .isEqualTo("CAPTURED");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_it_1/capture"))
            .withRequestBody(containing("amount_to_capture=2500")));

    Api.Reply refunded =
        admin
            .with("Idempotency-Key", Api.unique("r"))
            .post("/payments/refunds", Map.of("orderId", id, "amount", "5.00"));
    assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withRequestBody(containing("payment_intent=pi_it_1"))
            .withRequestBody(containing("amount=500")));

    // Stripe tells about that refund (made by Hanse) and one made in its dashboard
    assertThat(webhook(refundEvent("evt_it_1", "re_it_hanse", 500)).path("recorded").asBoolean())
        .as("Hanse's own refund is not counted twice")
        .isFalse();
    JsonNode dashboard = webhook(refundEvent("evt_it_2", "re_it_dashboard", 300));
    assertThat(dashboard.path("recorded").asBoolean()).isTrue();
    assertThat(dashboard.path("orderId").asText()).isEqualTo(id);
    assertThat(
            webhook(refundEvent("evt_it_2", "re_it_dashboard", 300)).path("recorded").asBoolean())
        .as("a redelivered event")
        .isFalse();
    payment = admin.get("/orders/" + id).json().path("payments").get(0);
    assertThat(payment.path("refunded").path("amount").asText()).isEqualTo("8.00");

    HttpResponse<String> forged = send(refundEvent("evt_it_3", "re_x", 100), "t=1,v1=00");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  private static Map<String, Object> withNewId(Map<String, Object> body) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
    copy.put("externalId", Api.unique("EXT"));
    return copy;
  }

  private static String refundEvent(String eventId, String refundId, long amount)
      throws IOException {
    ObjectNode event =
        (ObjectNode)
            Api.JSON.readTree(
                Files.readString(FIXTURES.resolve("stripe_event_openapi_fixture.json")));
    event.put("id", eventId).put("type", "refund.created").put("api_version", "2025-03-31.basil");
    ((ObjectNode) event.path("data"))
        .set("object", Api.JSON.readTree(refund(refundId, "pi_it_1", amount)));
    return Api.JSON.writeValueAsString(event);
  }

  private static JsonNode webhook(String body) throws Exception {
    long t = Instant.now().getEpochSecond();
    HttpResponse<String> r = send(body, "t=" + t + ",v1=" + sign(t + "." + body));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Api.JSON.readTree(r.body());
  }

  private static HttpResponse<String> send(String body, String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(HanseServer.get().api("/payments/webhooks/stripe").toString()))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(UTF_8)));
  }
}
