package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.GatewayEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Stripe Event into what Hanse records. Each movement of money is taken from one event type
 * only, so that it is counted once:
 *
 * <ul>
 *   <li>{@code payment_intent.canceled}: CANCELLED (in the Dashboard, or the authorization
 *       expired); the amount is what was released.
 *   <li>{@code payment_intent.payment_failed}: FAILED.
 *   <li>{@code charge.captured}: CAPTURED, with the total captured on the charge so far (captures
 *       made by Hanse arrive here too; a consumer compares totals).
 *   <li>{@code refund.created} with status succeeded, or {@code refund.updated} / {@code
 *       charge.refund.updated} when the status has just become succeeded: REFUNDED, with that
 *       refund's amount. {@code charge.refunded} is ignored: it comes with every refund as well but
 *       carries only the charge's running total.
 *   <li>{@code charge.dispute.created}: DISPUTED.
 *   <li>refund events of an endpoint on an API version before 2025-03-31, where partial captures
 *       and cancellations created Refunds as well: IGNORED, with a warning.
 *   <li>everything else, including {@code payment_intent.amount_capturable_updated} (which is an
 *       authorization, answered to Hanse directly): IGNORED.
 * </ul>
 */
final class StripeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(StripeEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first API version in which refund events are about refunds only. */
  private static final String REFUNDS_ARE_REFUNDS = "2025-03-31";

  private StripeEvents() {}

  /**
   * The event in a delivery's body.
   *
   * @throws ValidationException when the body is not a Stripe event
   */
  static GatewayEvent read(byte[] body) {
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (IOException e) {
      throw new ValidationException("the Stripe event is not JSON");
    }
    String id = event == null ? null : StripeError.text(event, "id");
    String type = event == null ? null : StripeError.text(event, "type");
    JsonNode object = event == null ? null : event.path("data").path("object");
    if (id == null || type == null || object == null || !object.isObject()) {
      throw new ValidationException("not a Stripe event: it needs id, type and data.object");
    }
    JsonNode previous = event.path("data").path("previous_attributes");
    return switch (type) {
      case "payment_intent.canceled" ->
          new GatewayEvent(
              id,
              GatewayEvent.Type.CANCELLED,
              text(object, "id"),
              null,
              money(
                  Math.max(
                      0, object.path("amount").asLong() - object.path("amount_received").asLong()),
                  object),
              describe(type, text(object, "cancellation_reason")));
      case "payment_intent.payment_failed" ->
          new GatewayEvent(
              id,
              GatewayEvent.Type.FAILED,
              text(object, "id"),
              null,
              money(object.path("amount").asLong(), object),
              describe(
                  type, StripeErrors.safe(text(object.path("last_payment_error"), "message"))));
      case "charge.captured" ->
          new GatewayEvent(
              id,
              GatewayEvent.Type.CAPTURED,
              paymentIntent(object),
              text(object, "id"),
              money(object.path("amount_captured").asLong(), object),
              describe(type, "total captured on charge " + text(object, "id")));
      case "refund.created", "refund.updated", "charge.refund.updated" ->
          refunded(id, type, object, previous, text(event, "api_version"));
      case "charge.dispute.created" ->
          new GatewayEvent(
              id,
              GatewayEvent.Type.DISPUTED,
              paymentIntent(object),
              text(object, "id"),
              money(object.path("amount").asLong(), object),
              describe(type, text(object, "reason")));
      default ->
          new GatewayEvent(id, GatewayEvent.Type.IGNORED, paymentIntent(object), null, null, type);
    };
  }

  private static GatewayEvent refunded(
      String id, String type, JsonNode refund, JsonNode previous, String apiVersion) {
    if (apiVersion != null && apiVersion.compareTo(REFUNDS_ARE_REFUNDS) < 0) {
      // Before this version a partial capture or a cancellation created a Refund too: recording
      // it would count money as given back that was never taken.
      LOG.warn(
          "Stripe event {} ({}) ignored: the webhook endpoint sends API version {}; set it to {} or"
              + " later",
          id,
          type,
          apiVersion,
          StripeClient.API_VERSION);
      return new GatewayEvent(
          id,
          GatewayEvent.Type.IGNORED,
          paymentIntent(refund),
          text(refund, "id"),
          null,
          type + ": API version too old");
    }
    boolean succeeded = "succeeded".equals(text(refund, "status"));
    boolean justSucceeded = type.equals("refund.created") || previous.has("status");
    if (!succeeded || !justSucceeded) {
      return new GatewayEvent(
          id,
          GatewayEvent.Type.IGNORED,
          paymentIntent(refund),
          text(refund, "id"),
          null,
          describe(type, "refund " + text(refund, "id") + " is " + text(refund, "status")));
    }
    return new GatewayEvent(
        id,
        GatewayEvent.Type.REFUNDED,
        paymentIntent(refund),
        text(refund, "id"),
        money(refund.path("amount").asLong(), refund),
        describe(type, "refund " + text(refund, "id")));
  }

  /** The PaymentIntent an object belongs to: itself, its payment_intent, else its charge. */
  private static String paymentIntent(JsonNode object) {
    if ("payment_intent".equals(text(object, "object"))) {
      return text(object, "id");
    }
    String intent = text(object, "payment_intent");
    return intent != null ? intent : text(object, "charge");
  }

  private static Money money(long minor, JsonNode object) {
    String currency = text(object, "currency");
    if (currency == null) {
      return null;
    }
    try {
      return StripeAmounts.money(minor, currency);
    } catch (RuntimeException e) {
      return null; // a currency or amount Hanse does not know: the event still counts
    }
  }

  private static String describe(String type, String detail) {
    return detail == null ? type : type + ": " + detail;
  }

  private static String text(JsonNode node, String field) {
    return StripeError.text(node, field);
  }
}
