package io.hanse.oms.api.payment;

import java.math.BigDecimal;

/**
 * One tender of an order as it is submitted: {@code {"method":"card","token":"…","amount":…}}.
 *
 * @param method card, gift card, check or on-account
 * @param token for a card: a vault token ({@code tok_…}) or a gateway's own token (a Stripe
 *     PaymentMethod {@code pm_…})
 * @param code for a gift card: its code
 * @param amount in the order's currency; when the order has one payment it may be omitted and the
 *     order's total is taken
 * @param reference for a check: its number; otherwise optional
 */
public record PaymentInstruction(
    Tender method, String token, String code, BigDecimal amount, String reference) {

  /** The instruction without its secret parts, for logs and errors. */
  @Override
  public String toString() {
    return method + " " + (amount == null ? "(order total)" : amount.toPlainString());
  }
}
