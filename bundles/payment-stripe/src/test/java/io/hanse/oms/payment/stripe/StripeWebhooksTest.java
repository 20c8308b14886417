package io.hanse.oms.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.payment.GatewayEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {
  private static final String SECRET = "whsec_test_secret";
  private static final long T = 1_700_000_000L;

  /** fixtures/published/DERIVED_signature_test_vectors.txt, computed over the saved fixture. */
  private static final String PUBLISHED_V1 =
      "b09846942e57e4bd4b88ada75af8084b4f41dd724ed5f1e2c674046aa8edf382";

  private static StripeWebhooks webhooks(String secret, long nowSeconds) {
    return new StripeWebhooks(
        secret,
        Duration.ofMinutes(5),
        Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC));
  }

  private static WebhookRequest request(String signature, byte[] body) {
    Map<String, List<String>> headers = new HashMap<>();
    if (signature != null) {
      headers.put("stripe-signature", List.of(signature)); // names are case-insensitive
    }
    headers.put("Content-Type", List.of("application/json; charset=utf-8"));
    return new WebhookRequest(headers, body);
  }

  private static WebhookRequest signed(byte[] body, long t) {
    return request("t=" + t + ",v1=" + StripeSignature.sign(SECRET, t, body), body);
  }

  @Test
  void thePublishedVectorVerifiesAndAnEventNotAboutPaymentsIsIgnored() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    assertThat(StripeSignature.sign(SECRET, T, body)).isEqualTo(PUBLISHED_V1);

    GatewayEvent event =
        webhooks(SECRET, T + 60).receive(request("t=" + T + ",v1=" + PUBLISHED_V1, body));

    assertThat(event.id()).isEqualTo("evt_1Pgc76B7WZ01zgkWwyRHS12y");
    assertThat(event.type()).isEqualTo(GatewayEvent.Type.IGNORED);
    assertThat(event.message()).isEqualTo("plan.created");
  }

  @Test
  void oneMatchingSignatureOfSeveralIsEnough() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    String old = StripeSignature.sign("whsec_rolled_over_secret", T, body);
    String header = "t=" + T + ",v1=" + old + ",v1=" + PUBLISHED_V1 + ",v0=6ffbb59b2300aae63f27";

    assertThat(webhooks(SECRET, T - 100).receive(request(header, body)).id())
        .isEqualTo("evt_1Pgc76B7WZ01zgkWwyRHS12y");
  }

  @Test
  void aChangedBodyIsRejected() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    byte[] changed = body.clone();
    changed[40] ^= 1;

    assertThatThrownBy(
            () -> webhooks(SECRET, T).receive(request("t=" + T + ",v1=" + PUBLISHED_V1, changed)))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessage("no Stripe signature matches the body");
  }

  @Test
  void aTimestampOutsideTheToleranceIsRejectedEitherWay() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    WebhookRequest request = request("t=" + T + ",v1=" + PUBLISHED_V1, body);

    assertThatThrownBy(() -> webhooks(SECRET, T + 301).receive(request))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("outside the tolerance");
    assertThatThrownBy(() -> webhooks(SECRET, T - 301).receive(request))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("outside the tolerance");
    assertThat(webhooks(SECRET, T + 300).receive(request).id()).startsWith("evt_");
  }

  @Test
  void aMissingOrGarbledHeaderIsRejected() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    StripeWebhooks webhooks = webhooks(SECRET, T);

    assertThatThrownBy(() -> webhooks.receive(request(null, body)))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessage("missing Stripe-Signature header");
    for (String garbled :
        List.of(
            "v1=" + PUBLISHED_V1,
            "t=yesterday,v1=" + PUBLISHED_V1,
            "t=" + T,
            "t=" + T + ",v1=not-hex",
            "t=" + T + ",v0=" + PUBLISHED_V1,
            "garbage")) {
      assertThatThrownBy(() -> webhooks.receive(request(garbled, body)))
          .as(garbled)
          .isInstanceOf(WebhookRejectedException.class);
    }
  }

  @Test
  void anotherSecretOrNoSecretIsRejected() {
    byte[] body = Fixture.bytes(Fixture.EVENT);
    WebhookRequest request = request("t=" + T + ",v1=" + PUBLISHED_V1, body);

    assertThatThrownBy(() -> webhooks("whsec_another", T).receive(request))
        .isInstanceOf(WebhookRejectedException.class);
    assertThatThrownBy(() -> webhooks("", T).receive(request))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("webhookSecret is not configured");
  }

  @Test
  void paymentEventsAreReadIntoWhatHanseRecords() {
    ObjectNode canceled =
        Fixture.authorized("pi_1", 1999)
            .put("status", "canceled")
            .put("amount_capturable", 0)
            .put("amount_received", 1000)
            .put("cancellation_reason", "expired");
    assertThat(read("payment_intent.canceled", canceled, null))
        .isEqualTo(
            new GatewayEvent(
                "evt_test",
                GatewayEvent.Type.CANCELLED,
                "pi_1",
                null,
                Money.of("9.99", "EUR"),
                "payment_intent.canceled: expired"));

    ObjectNode failed = Fixture.json(Fixture.PAYMENT_INTENT);
    failed.putObject("last_payment_error").put("message", "Your card was declined.");
    GatewayEvent failure = read("payment_intent.payment_failed", failed, null);
    assertThat(failure.type()).isEqualTo(GatewayEvent.Type.FAILED);
    assertThat(failure.reference()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
    assertThat(failure.amount()).isEqualTo(Money.of("20.00", "USD"));
    assertThat(failure.message()).endsWith("Your card was declined.");

    ObjectNode refund = Fixture.json(Fixture.REFUND);
    GatewayEvent refunded = read("refund.created", refund, null);
    assertThat(refunded.type()).isEqualTo(GatewayEvent.Type.REFUNDED);
    assertThat(refunded.reference()).isEqualTo("pi_1GszsK2eZvKYlo2CfhZyoZLp");
    assertThat(refunded.amount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(refunded.operation()).isEqualTo(refund.path("id").asText());

    ObjectNode wasPending = Fixture.object().put("status", "pending");
    assertThat(read("refund.updated", refund, wasPending).type())
        .isEqualTo(GatewayEvent.Type.REFUNDED);
    // an update that does not change the status (or a refund still pending) is not counted again
    assertThat(read("refund.updated", refund, Fixture.object()).type())
        .isEqualTo(GatewayEvent.Type.IGNORED);
    assertThat(read("refund.created", Fixture.refund("re_p", "pi_1", 100, "pending"), null).type())
        .isEqualTo(GatewayEvent.Type.IGNORED);
    ObjectNode oldEndpoint = Fixture.json(Fixture.EVENT).put("type", "refund.created");
    oldEndpoint.put("api_version", "2024-06-20").putObject("data").set("object", refund);
    byte[] old = Fixture.text(oldEndpoint).getBytes(UTF_8);
    assertThat(webhooks(SECRET, T).receive(signed(old, T)).type())
        .isEqualTo(GatewayEvent.Type.IGNORED);
    assertThat(read("charge.refunded", charge(), null).type()).isEqualTo(GatewayEvent.Type.IGNORED);

    GatewayEvent captured = read("charge.captured", charge(), null);
    assertThat(captured.type()).isEqualTo(GatewayEvent.Type.CAPTURED);
    assertThat(captured.reference()).isEqualTo("pi_1");
    assertThat(captured.amount()).isEqualTo(Money.of("10.00", "EUR"));

    ObjectNode dispute = Fixture.object();
    dispute
        .put("id", "dp_1")
        .put("object", "dispute")
        .put("amount", 1999)
        .put("currency", "eur")
        .put("charge", "ch_1")
        .put("payment_intent", "pi_1")
        .put("reason", "fraudulent");
    assertThat(read("charge.dispute.created", dispute, null))
        .isEqualTo(
            new GatewayEvent(
                "evt_test",
                GatewayEvent.Type.DISPUTED,
                "pi_1",
                "dp_1",
                Money.of("19.99", "EUR"),
                "charge.dispute.created: fraudulent"));

    assertThat(read("payment_intent.amount_capturable_updated", canceled, null).type())
        .isEqualTo(GatewayEvent.Type.IGNORED);
  }

  @Test
  void aSignedBodyThatIsNotAnEventIsInvalid() {
    StripeWebhooks webhooks = webhooks(SECRET, T);
    for (String body : List.of("{\"id\":", "[]", "{\"id\":\"evt_1\",\"type\":\"x\"}", "null")) {
      byte[] bytes = body.getBytes(UTF_8);
      assertThatThrownBy(() -> webhooks.receive(signed(bytes, T)))
          .as(body)
          .isInstanceOf(ValidationException.class);
    }
  }

  /** A signed delivery of the published Event envelope around {@code object}. */
  private static GatewayEvent read(String type, ObjectNode object, ObjectNode previous) {
    ObjectNode event = Fixture.json(Fixture.EVENT).put("id", "evt_test").put("type", type);
    ObjectNode data = event.putObject("data");
    data.set("object", object);
    if (previous != null) {
      data.set("previous_attributes", previous);
    }
    byte[] body = Fixture.text(event).getBytes(UTF_8);
    return webhooks(SECRET, T).receive(signed(body, T));
  }

  private static ObjectNode charge() {
    ObjectNode charge = Fixture.object();
    return charge
        .put("id", "ch_1")
        .put("object", "charge")
        .put("amount", 1999)
        .put("amount_captured", 1000)
        .put("amount_refunded", 500)
        .put("currency", "eur")
        .put("payment_intent", "pi_1");
  }
}
