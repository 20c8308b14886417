package io.hanse.oms.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.api.payment.Tender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorizations against a local stand-in for Stripe's API, over real HTTP. */
class StripeAuthorizeTest extends StripeTestSupport {
  private static final String INTENTS = "/v1/payment_intents";
  private static final String METHODS = "/v1/payment_methods";
  private static final String CREATED_PM = "pm_1Q0PsIJvEtkwdCNYMSaVuRz6";

  @Test
  void aStripePaymentMethodIsAuthorizedForManualCaptureWithMulticapture() {
    stripe.stubFor(post(INTENTS).willReturn(okJson(Fixture.text(Fixture.authorized(PI, 1999)))));

    GatewayResult result = gateway.authorize(authorization("pm_card_visa", "auth-1"));

    assertThat(result).isEqualTo(GatewayResult.approved(PI));
    stripe.verify(
        postRequestedFor(urlEqualTo(INTENTS))
            .withHeader("Authorization", equalTo("Bearer " + API_KEY))
            .withHeader("Stripe-Version", equalTo(StripeClient.API_VERSION))
            .withHeader("Idempotency-Key", equalTo("auth-1"))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("amount", equalTo("1999"))
            .withFormParam("currency", equalTo("eur"))
            .withFormParam("payment_method", equalTo("pm_card_visa"))
            .withFormParam("payment_method_types[0]", equalTo("card"))
            .withFormParam("confirm", equalTo("true"))
            .withFormParam("capture_method", equalTo("manual"))
            .withFormParam(
                "payment_method_options[card][request_multicapture]", equalTo("if_available"))
            .withFormParam("metadata[order_id]", equalTo("ord-1"))
            .withFormParam("metadata[payment_id]", equalTo("pay-1"))
            .withFormParam("receipt_email", equalTo("ada@example.com"))
            .withFormParam("description", equalTo("Order ord-1"))
            .withFormParam("statement_descriptor_suffix", equalTo("HANSE SHOP")));
    stripe.verify(0, postRequestedFor(urlEqualTo(METHODS)));
    assertThat(vault.reveals).hasValue(0);
  }

  @Test
  void aVaultCardBecomesAPaymentMethodOnceAndItsNumberGoesNowhereElse() {
    stripe.stubFor(
        post(METHODS)
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + CREATED_PM
                        + "\",\"object\":\"payment_method\",\"type\":\"card\","
                        + "\"card\":{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,"
                        + "\"exp_year\":2034}}")));
    stripe.stubFor(post(INTENTS).willReturn(okJson(Fixture.text(Fixture.authorized(PI, 1999)))));

    GatewayResult first = gateway.authorize(authorization(TestVault.TOKEN, "auth-2"));
    // the same authorization again, as after a timeout: the vault gives no security code twice,
    // so the PaymentMethod made the first time is charged again under the same key
    GatewayResult again = gateway.authorize(authorization(TestVault.TOKEN, "auth-2"));

    assertThat(first).isEqualTo(GatewayResult.approved(PI));
    assertThat(again).isEqualTo(first);
    stripe.verify(
        1,
        postRequestedFor(urlEqualTo(METHODS))
            .withHeader("Idempotency-Key", equalTo("auth-2-pm"))
            .withFormParam("type", equalTo("card"))
            .withFormParam("card[number]", equalTo(TestVault.NUMBER))
            .withFormParam("card[exp_month]", equalTo("12"))
            .withFormParam("card[exp_year]", equalTo("2034"))
            .withFormParam("card[cvc]", equalTo(TestVault.CVC)));
    stripe.verify(
        2,
        postRequestedFor(urlEqualTo(INTENTS))
            .withHeader("Idempotency-Key", equalTo("auth-2"))
            .withFormParam("payment_method", equalTo(CREATED_PM)));
    assertThat(vault.reveals).hasValue(1);
    assertThat(stripe.findAll(postRequestedFor(urlEqualTo(INTENTS))))
        .allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain(TestVault.NUMBER));

    // Stripe refuses the card, quoting the number (it doesn't, but if it did): never passed on
    stripe.stubFor(
        post(METHODS)
            .withHeader("Idempotency-Key", containing("auth-3"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        Fixture.text(
                            Fixture.error(
                                "card_error",
                                "incorrect_number",
                                null,
                                "Your card number 4242 4242 4242 4242 is incorrect.")))));
    GatewayResult refused = gateway.authorize(authorization(TestVault.TOKEN, "auth-3"));
    assertThat(refused.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(refused.code()).isEqualTo("incorrect_number");
    assertThat(refused.message()).contains("[redacted]").doesNotContain("4242 4242");
    // without the security code, which the vault gave out already, it is another request
    stripe.verify(
        postRequestedFor(urlEqualTo(METHODS))
            .withHeader("Idempotency-Key", equalTo("auth-3-pm-nocvc")));

    // Stripe fails after the card was sent: the exception says nothing of the card either
    stripe.stubFor(
        post(INTENTS)
            .withHeader("Idempotency-Key", equalTo("auth-4"))
            .willReturn(
                aResponse().withStatus(500).withBody("{\"error\":{\"type\":\"api_error\"}}")));
    PaymentUnavailableException unavailable =
        org.junit.jupiter.api.Assertions.assertThrows(
            PaymentUnavailableException.class,
            () -> gateway.authorize(authorization(TestVault.TOKEN, "auth-4")));

    for (String text :
        List.of(
            first.toString(),
            refused.toString(),
            String.valueOf(unavailable.getMessage()),
            String.valueOf(unavailable.getCause()),
            log())) {
      assertThat(text).doesNotContain(TestVault.NUMBER).doesNotContain(API_KEY);
    }
  }

  @Test
  void aDeclinedCardIsAnAnswerWithTheIssuersReason() {
    ObjectNode body =
        Fixture.error(
            "card_error",
            "card_declined",
            "insufficient_funds",
            "Your card has insufficient funds.");
    ObjectNode intent =
        Fixture.json(Fixture.PAYMENT_INTENT).put("status", "requires_payment_method");
    ((ObjectNode) body.get("error")).set("payment_intent", intent);
    stripe.stubFor(
        post(INTENTS)
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_test_decline")
                    .withBody(Fixture.text(body))));

    GatewayResult result = gateway.authorize(authorization("pm_card_visa", "auth-5"));

    assertThat(result)
        .isEqualTo(
            GatewayResult.declined(PI, "insufficient_funds", "Your card has insufficient funds."));
  }

  @Test
  void aTimeoutAfterStripeAuthorizedIsRetriedWithTheSameKeyAndGetsTheSamePaymentIntent() {
    String intent = Fixture.text(Fixture.authorized(PI, 1999));
    stripe.stubFor(
        post(INTENTS)
            .inScenario("timeout")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(intent).withFixedDelay(2_000)) // Stripe authorized, slowly
            .willSetStateTo("authorized"));
    stripe.stubFor(
        post(INTENTS)
            .inScenario("timeout")
            .whenScenarioStateIs("authorized")
            .willReturn(okJson(intent))); // Stripe's idempotency store answers the retry
    StripeGateway impatient = gateway(Duration.ofMillis(500));
    AuthorizationRequest request = authorization("pm_card_visa", "auth-timeout");

    assertThatThrownBy(() -> impatient.authorize(request))
        .isInstanceOf(PaymentUnavailableException.class)
        .hasMessageContaining("did not answer");
    GatewayResult retried = impatient.authorize(request);

    assertThat(retried).isEqualTo(GatewayResult.approved(PI));
    List<LoggedRequest> calls = stripe.findAll(postRequestedFor(urlEqualTo(INTENTS)));
    assertThat(calls).hasSize(2);
    assertThat(calls)
        .allSatisfy(c -> assertThat(c.getHeader("Idempotency-Key")).isEqualTo("auth-timeout"));
    assertThat(calls.get(1).getBodyAsString()).isEqualTo(calls.get(0).getBodyAsString());
  }

  @Test
  void stripeRefusingTheRequestIsADecline() {
    stripe.stubFor(
        post(INTENTS)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        Fixture.text(
                            Fixture.error(
                                "invalid_request_error",
                                "resource_missing",
                                null,
                                "No such PaymentMethod: 'pm_gone'")))));

    GatewayResult result = gateway.authorize(authorization("pm_gone", "auth-6"));

    assertThat(result)
        .isEqualTo(
            GatewayResult.declined(null, "resource_missing", "No such PaymentMethod: 'pm_gone'"));
  }

  @Test
  void whatStripeCantTakeIsDeclinedWithoutAsking() {
    assertThat(gateway.authorize(authorization("4242424242424242", "auth-7")).code())
        .isEqualTo("invalid_source");
    assertThat(gateway.authorize(authorization("tok_unknown", "auth-8")).code())
        .isEqualTo("invalid_token");
    AuthorizationRequest giftCard =
        new AuthorizationRequest(
            "pay-2", "ord-1", Tender.GIFTCARD, "GC-1", Money.of("5", "EUR"), "c", null, "auth-9");
    assertThat(gateway.authorize(giftCard).code()).isEqualTo("unsupported_tender");
    vault = null;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> gateway.authorize(authorization(TestVault.TOKEN, "auth-10")))
        .as("a vault away for a moment is asked again later")
        .isInstanceOf(io.hanse.oms.api.payment.PaymentUnavailableException.class);
    stripe.verify(0, postRequestedFor(urlEqualTo(INTENTS)));
  }

  @Test
  void threeDSecureAndProcessingAreNotApprovals() {
    ObjectNode action = Fixture.authorized(PI, 1999).put("status", "requires_action");
    stripe.stubFor(
        post(INTENTS)
            .withHeader("Idempotency-Key", equalTo("a"))
            .willReturn(okJson(Fixture.text(action))));
    ObjectNode processing = Fixture.authorized(PI, 1999).put("status", "processing");
    stripe.stubFor(
        post(INTENTS)
            .withHeader("Idempotency-Key", equalTo("b"))
            .willReturn(okJson(Fixture.text(processing))));

    assertThat(gateway.authorize(authorization("pm_card_visa", "a")).code())
        .isEqualTo("authentication_required");
    assertThat(gateway.authorize(authorization("pm_card_visa", "b")).outcome())
        .isEqualTo(GatewayResult.Outcome.PENDING);
  }
}
