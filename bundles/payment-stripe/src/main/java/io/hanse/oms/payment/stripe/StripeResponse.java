package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stripe's answer to one call: the object it returned, or the error it answered with.
 *
 * @param body the object (a PaymentIntent, a Refund, ...) or the error body
 * @param error the error, or {@code null} when Stripe did what was asked
 */
record StripeResponse(JsonNode body, StripeError error) {

  boolean ok() {
    return error == null;
  }

  /** A field of the returned object, or {@code null}. */
  String text(String field) {
    return StripeError.text(body, field);
  }
}
