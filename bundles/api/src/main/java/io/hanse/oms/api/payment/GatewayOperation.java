package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;

/**
 * A capture, void or refund of a payment the gateway authorized.
 *
 * @param paymentId Hanse's id of the payment
 * @param orderId the order it pays
 * @param tender the tender
 * @param reference the gateway's reference from the authorization
 * @param amount how much; for a void, what is left uncaptured
 * @param idempotencyKey the same for every retry of this one operation
 * @param reason why (a shipment, a return, a cancellation), for the gateway's records
 * @param finalCapture for a capture: whether it is the last one of the payment (the order is fully
 *     shipped), so the gateway may release what is left of the authorization; a gateway that takes
 *     one capture only should capture at the first and treat later ones as declined
 */
public record GatewayOperation(
    String paymentId,
    String orderId,
    Tender tender,
    String reference,
    Money amount,
    String idempotencyKey,
    String reason,
    boolean finalCapture) {}
