package io.hanse.oms.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captures, releases and refunds of an authorized PaymentIntent, over real HTTP. */
class StripeOperationsTest extends StripeTestSupport {
  private static final String CAPTURE = "/v1/payment_intents/" + PI + "/capture";
  private static final String CANCEL = "/v1/payment_intents/" + PI + "/cancel";
  private static final String REFUNDS = "/v1/refunds";

  @Test
  void capturesOneShipmentThenTheLastOne() {
    ObjectNode partly =
        Fixture.authorized(PI, 1999).put("amount_capturable", 999).put("amount_received", 1000);
    ObjectNode fully =
        Fixture.authorized(PI, 1999)
            .put("status", "succeeded")
            .put("amount_capturable", 0)
            .put("amount_received", 1999);
    stripe.stubFor(
        post(CAPTURE)
            .withHeader("Idempotency-Key", equalTo("cap-1"))
            .willReturn(okJson(Fixture.text(partly))));
    stripe.stubFor(
        post(CAPTURE)
            .withHeader("Idempotency-Key", equalTo("cap-2"))
            .willReturn(okJson(Fixture.text(fully))));

    GatewayResult first = gateway.capture(operation("10.00", "cap-1", "shipment s1", false));
    GatewayResult last = gateway.capture(operation("9.99", "cap-2", "shipment s2", true));

    assertThat(first).isEqualTo(GatewayResult.approved(PI));
    assertThat(last).isEqualTo(GatewayResult.approved(PI));
    List<LoggedRequest> calls = stripe.findAll(postRequestedFor(urlEqualTo(CAPTURE)));
    assertThat(calls)
        .extracting(LoggedRequest::getBodyAsString)
        .containsExactly(
            "amount_to_capture=1000&final_capture=false", // keep the rest for the next shipment
            "amount_to_capture=999"); // final_capture defaults to true: the rest is released
  }

  @Test
  void withoutMulticaptureTheFirstCaptureIsTheOnlyOne() {
    stripe.stubFor(
        post(CAPTURE)
            .withHeader("Idempotency-Key", equalTo("cap-3"))
            .willReturn(
                error(
                    400,
                    Fixture.error(
                        "invalid_request_error",
                        "parameter_invalid",
                        null,
                        "Multicapture is not available for this PaymentIntent."))));
    ObjectNode captured =
        Fixture.authorized(PI, 1999)
            .put("status", "succeeded")
            .put("amount_capturable", 0)
            .put("amount_received", 1000);
    stripe.stubFor(
        post(CAPTURE)
            .withHeader("Idempotency-Key", equalTo("cap-3-final"))
            .willReturn(okJson(Fixture.text(captured))));
    ObjectNode succeeded =
        Fixture.error(
            "invalid_request_error",
            "payment_intent_unexpected_state",
            null,
            "This PaymentIntent could not be captured because it has a status of succeeded.");
    ((ObjectNode) succeeded.get("error")).set("payment_intent", captured);
    stripe.stubFor(
        post(CAPTURE)
            .withHeader("Idempotency-Key", equalTo("cap-4"))
            .willReturn(error(400, succeeded)));

    GatewayResult first = gateway.capture(operation("10.00", "cap-3", "shipment s1", false));
    GatewayResult second = gateway.capture(operation("9.99", "cap-4", "shipment s2", true));

    assertThat(first).isEqualTo(GatewayResult.approved(PI));
    stripe.verify(
        postRequestedFor(urlEqualTo(CAPTURE))
            .withHeader("Idempotency-Key", equalTo("cap-3-final"))
            .withFormParam("amount_to_capture", equalTo("1000")));
    assertThat(second.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(second.code()).isEqualTo("payment_intent_unexpected_state");
    assertThat(second.reference()).isEqualTo(PI);
  }

  @Test
  void cancelReleasesWhatIsLeftAndAReleasedIntentCountsAsReleased() {
    ObjectNode canceled =
        Fixture.authorized(PI, 1999)
            .put("status", "canceled")
            .put("amount_capturable", 0)
            .put("cancellation_reason", "requested_by_customer");
    stripe.stubFor(
        post(CANCEL)
            .withHeader("Idempotency-Key", equalTo("void-1"))
            .willReturn(okJson(Fixture.text(canceled))));
    ObjectNode already =
        Fixture.error(
            "invalid_request_error",
            "payment_intent_unexpected_state",
            null,
            "You cannot cancel this PaymentIntent because it has a status of canceled.");
    ((ObjectNode) already.get("error")).set("payment_intent", canceled);
    stripe.stubFor(
        post(CANCEL)
            .withHeader("Idempotency-Key", equalTo("void-2"))
            .willReturn(error(400, already)));
    // captured in part with final_capture=false, then cancelled: the rest is released
    ObjectNode partlyCaptured =
        Fixture.authorized(PI, 1999)
            .put("status", "succeeded")
            .put("amount_capturable", 0)
            .put("amount_received", 1000);
    stripe.stubFor(
        post(CANCEL)
            .withHeader("Idempotency-Key", equalTo("void-3"))
            .willReturn(okJson(Fixture.text(partlyCaptured))));
    stripe.stubFor(
        post(CANCEL)
            .withHeader("Idempotency-Key", equalTo("void-4"))
            .willReturn(
                error(
                    404,
                    Fixture.error(
                        "invalid_request_error",
                        "resource_missing",
                        null,
                        "No such payment_intent: '" + PI + "'"))));

    assertThat(gateway.cancel(operation("19.99", "void-1", "cancelled by the customer", false)))
        .isEqualTo(GatewayResult.approved(PI));
    assertThat(gateway.cancel(operation("19.99", "void-2", "order cancelled", false)))
        .isEqualTo(GatewayResult.approved(PI));
    assertThat(gateway.cancel(operation("0", "void-3", "shipment s2", false)))
        .isEqualTo(GatewayResult.approved(PI));
    assertThat(gateway.cancel(operation("19.99", "void-4", "order cancelled", false)).code())
        .isEqualTo("resource_missing");
    stripe.verify(
        postRequestedFor(urlEqualTo(CANCEL))
            .withHeader("Idempotency-Key", equalTo("void-1"))
            .withFormParam("cancellation_reason", equalTo("requested_by_customer")));
    stripe.verify(
        postRequestedFor(urlEqualTo(CANCEL))
            .withHeader("Idempotency-Key", equalTo("void-3"))
            .withFormParam("cancellation_reason", equalTo("abandoned")));
  }

  @Test
  void refundsInPartsEachUnderItsOwnKey() {
    stripe.stubFor(
        post(REFUNDS)
            .withHeader("Idempotency-Key", equalTo("ref-1"))
            .willReturn(okJson(Fixture.text(Fixture.refund("re_1", PI, 500, "succeeded")))));
    stripe.stubFor(
        post(REFUNDS)
            .withHeader("Idempotency-Key", equalTo("ref-2"))
            .willReturn(okJson(Fixture.text(Fixture.refund("re_2", PI, 700, "pending")))));
    ObjectNode failed =
        Fixture.refund("re_3", PI, 100, "failed").put("failure_reason", "expired_or_canceled_card");
    stripe.stubFor(
        post(REFUNDS)
            .withHeader("Idempotency-Key", equalTo("ref-3"))
            .willReturn(okJson(Fixture.text(failed))));

    assertThat(gateway.refund(operation("5.00", "ref-1", "return r1", false)))
        .isEqualTo(GatewayResult.approved("re_1"));
    assertThat(gateway.refund(operation("7.00", "ref-2", "return r2", false)))
        .isEqualTo(GatewayResult.approved("re_2"));
    GatewayResult refused = gateway.refund(operation("1.00", "ref-3", "return r3", false));

    assertThat(refused.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
    assertThat(refused.reference()).isEqualTo("re_3");
    assertThat(refused.code()).isEqualTo("expired_or_canceled_card");
    stripe.verify(
        postRequestedFor(urlEqualTo(REFUNDS))
            .withHeader("Idempotency-Key", equalTo("ref-1"))
            .withFormParam("payment_intent", equalTo(PI))
            .withFormParam("amount", equalTo("500"))
            .withFormParam("metadata[order_id]", equalTo("ord-1"))
            .withFormParam("metadata[reason]", equalTo("return r1")));
    stripe.verify(
        postRequestedFor(urlEqualTo(REFUNDS))
            .withHeader("Idempotency-Key", equalTo("ref-2"))
            .withFormParam("amount", equalTo("700")));
  }

  @Test
  void whatLeavesTheOutcomeOpenIsUnavailableNotDeclined() {
    stub("e-500", error(500, Fixture.error("api_error", null, null, "Something went wrong.")));
    stub("e-503", aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));
    stub("e-429", error(429, Fixture.error("invalid_request_error", "rate_limit", null, "Slow.")));
    stub(
        "e-409",
        error(409, Fixture.error("idempotency_error", null, null, "A request is in progress.")));
    stub(
        "e-400-key",
        error(
            400,
            Fixture.error(
                "idempotency_error",
                null,
                null,
                "Keys for idempotent requests can only be used with the same parameters.")));

    for (String key : List.of("e-500", "e-503", "e-429", "e-409", "e-400-key")) {
      assertThatThrownBy(() -> gateway.refund(operation("1.00", key, "r", false)))
          .as(key)
          .isInstanceOf(PaymentUnavailableException.class);
    }
  }

  @Test
  void aRejectedKeyNamesTheConfigurationNeverTheKey() {
    stub(
        "e-401",
        error(
            401,
            Fixture.error(
                "invalid_request_error", null, null, "Invalid API Key provided: sk_test_***Real")));

    assertThatThrownBy(() -> gateway.capture(operation("1.00", "e-401", "s", false)))
        .isInstanceOf(PaymentUnavailableException.class)
        .hasMessageContaining("apiKey in etc/io.hanse.oms.payment.stripe.cfg")
        .message()
        .doesNotContain(API_KEY);
  }

  @Test
  void anUnreachableStripeIsUnavailable() {
    stripe.stop();

    assertThatThrownBy(() -> gateway.refund(operation("1.00", "down", "r", false)))
        .isInstanceOf(PaymentUnavailableException.class)
        .hasMessageContaining("could not be reached");
  }

  private void stub(String key, ResponseDefinitionBuilder response) {
    stripe.stubFor(post(REFUNDS).withHeader("Idempotency-Key", equalTo(key)).willReturn(response));
    stripe.stubFor(post(CAPTURE).withHeader("Idempotency-Key", equalTo(key)).willReturn(response));
  }

  private static ResponseDefinitionBuilder error(int status, ObjectNode body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Fixture.text(body));
  }
}
