package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;

/**
 * Something a gateway reports on its own, through its webhook: a refund made in its dashboard, an
 * authorization that expired or was cancelled there, a dispute.
 *
 * @param id the gateway's event id; an event is recorded once however often it is delivered
 * @param type what happened
 * @param reference the gateway's reference of the payment it concerns (a PaymentIntent id)
 * @param operation the gateway's id of the operation itself (a refund's id), so that an event about
 *     an operation Hanse made is recognised and not counted twice; may be null
 * @param amount how much, when it is about money
 * @param message the gateway's own description
 */
public record GatewayEvent(
    String id, Type type, String reference, String operation, Money amount, String message) {

  public enum Type {
    /** The authorization was captured in full or in part. */
    CAPTURED,
    /** Money was given back. */
    REFUNDED,
    /** The authorization was released or expired. */
    CANCELLED,
    /** The payment failed after it was authorized. */
    FAILED,
    /** The customer disputes the charge. */
    DISPUTED,
    /** Nothing Hanse records (other event types); acknowledged only. */
    IGNORED
  }
}
