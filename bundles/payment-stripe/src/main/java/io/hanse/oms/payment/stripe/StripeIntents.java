package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.hanse.oms.api.payment.GatewayResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Stripe's PaymentIntents and Refunds say, as the gateway SPI's answers. */
final class StripeIntents {
  private static final Logger LOG = LoggerFactory.getLogger(StripeIntents.class);

  private StripeIntents() {}

  /** A PaymentIntent just created and confirmed with manual capture. */
  static GatewayResult authorization(JsonNode intent) {
    String id = StripeError.text(intent, "id");
    String status = intent.path("status").asText("");
    JsonNode lastError = intent.path("last_payment_error");
    return switch (status) {
      case "requires_capture" -> GatewayResult.approved(id);
      case "succeeded" -> {
        // only when the account overrides manual capture; the money is taken already
        LOG.warn("Stripe captured {} at authorization although capture was manual", id);
        yield GatewayResult.approved(id);
      }
      case "processing" -> GatewayResult.pending(id, "Stripe is processing the payment");
      case "requires_action" ->
          GatewayResult.declined(
              id,
              "authentication_required",
              "the card issuer asks for customer authentication (3-D Secure), which a server-side"
                  + " authorization can't complete");
      case "requires_payment_method" ->
          GatewayResult.declined(
              id,
              reason(lastError, "card_declined"),
              StripeErrors.safe(StripeError.text(lastError, "message")));
      default ->
          GatewayResult.declined(
              id, "unexpected_status", "the PaymentIntent is " + (status.isEmpty() ? "?" : status));
    };
  }

  /** A PaymentIntent after a capture: captured in part (still capturable) or in full. */
  static GatewayResult capture(JsonNode intent, String reference) {
    String status = intent.path("status").asText("");
    if (status.equals("succeeded") || status.equals("requires_capture")) {
      return GatewayResult.approved(idOr(intent, reference));
    }
    return GatewayResult.declined(
        idOr(intent, reference), "unexpected_status", "the PaymentIntent is " + status);
  }

  /**
   * A PaymentIntent after cancel: {@code canceled}, or {@code succeeded} when it was captured in
   * part before and the rest is now released.
   */
  static GatewayResult released(JsonNode intent, String reference) {
    String status = intent.path("status").asText("");
    if (status.equals("canceled") || status.equals("succeeded")) {
      return GatewayResult.approved(idOr(intent, reference));
    }
    return GatewayResult.declined(
        idOr(intent, reference), "unexpected_status", "the PaymentIntent is " + status);
  }

  /** A Refund: succeeded or on its way (pending), or refused by the card network. */
  static GatewayResult refund(JsonNode refund) {
    String id = StripeError.text(refund, "id");
    String status = refund.path("status").asText("");
    return switch (status) {
      case "succeeded", "pending" -> GatewayResult.approved(id);
      case "requires_action" ->
          GatewayResult.pending(id, "the refund needs the customer's bank details at Stripe");
      default ->
          GatewayResult.declined(
              id,
              StripeError.text(refund, "failure_reason") != null
                  ? StripeError.text(refund, "failure_reason")
                  : "refund_" + (status.isEmpty() ? "failed" : status),
              "Stripe's refund is " + status);
    };
  }

  private static String reason(JsonNode error, String fallback) {
    String decline = StripeError.text(error, "decline_code");
    if (decline != null) {
      return decline;
    }
    String code = StripeError.text(error, "code");
    return code != null ? code : fallback;
  }

  private static String idOr(JsonNode node, String fallback) {
    String id = StripeError.text(node, "id");
    return id != null ? id : fallback;
  }
}
