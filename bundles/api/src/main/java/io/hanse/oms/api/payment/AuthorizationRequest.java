package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;

/**
 * What a gateway gets to authorize one payment of an order.
 *
 * @param paymentId Hanse's id of the payment
 * @param orderId the order it pays
 * @param tender the tender
 * @param source a vault or gateway token for a card, a gift card's code, a check number, or the
 *     customer id for on-account
 * @param amount what to authorize
 * @param customerId the order's customer
 * @param customerEmail the customer's e-mail, for the gateway's receipt and fraud checks
 * @param idempotencyKey the same for every retry of this authorization
 */
public record AuthorizationRequest(
    String paymentId,
    String orderId,
    Tender tender,
    String source,
    Money amount,
    String customerId,
    String customerEmail,
    String idempotencyKey) {

  /** Without the source, which may be a gift card code. */
  @Override
  public String toString() {
    return "authorize " + tender.code() + " " + amount + " for order " + orderId;
  }
}
