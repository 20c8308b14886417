package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.hanse.oms.api.payment.GatewayResult;

/**
 * Stripe's error object, {@code {"error":{"type","code","decline_code","message","param",
 * "payment_intent"}}}, with the HTTP status it came with.
 *
 * @param paymentIntent the PaymentIntent the error concerns, when Stripe includes it (card errors
 *     of a confirmation, a PaymentIntent in the wrong state), else a missing node
 */
record StripeError(
    int status,
    String type,
    String code,
    String declineCode,
    String message,
    String param,
    JsonNode paymentIntent) {

  static StripeError of(int status, JsonNode body) {
    JsonNode e = body.path("error");
    return new StripeError(
        status,
        text(e, "type"),
        text(e, "code"),
        text(e, "decline_code"),
        StripeErrors.safe(text(e, "message")),
        text(e, "param"),
        e.path("payment_intent"));
  }

  /** The id of the PaymentIntent the error concerns, or {@code null}. */
  String paymentIntentId() {
    return text(paymentIntent, "id");
  }

  /** The status of the PaymentIntent the error concerns, or {@code null}. */
  String paymentIntentStatus() {
    return text(paymentIntent, "status");
  }

  /** The most precise reason Stripe gave: the issuer's decline code, Stripe's code, its type. */
  String reason() {
    if (declineCode != null) {
      return declineCode;
    }
    if (code != null) {
      return code;
    }
    return type != null ? type : "http_" + status;
  }

  /** The error as a decline, referring to its PaymentIntent when there is one. */
  GatewayResult declined(String fallbackReference) {
    String reference = paymentIntentId() != null ? paymentIntentId() : fallbackReference;
    return GatewayResult.declined(reference, reason(), message);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
        ? value.asText()
        : null;
  }
}
