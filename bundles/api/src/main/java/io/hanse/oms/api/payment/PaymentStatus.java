package io.hanse.oms.api.payment;

/** Where a payment of an order stands. */
public enum PaymentStatus {
  /** Recorded, the gateway not yet (or not conclusively) asked. */
  PENDING,
  /** The amount is reserved at the gateway; nothing captured yet. */
  AUTHORIZED,
  /** Part of the authorization captured (shipped in part). */
  PARTIALLY_CAPTURED,
  /** Everything due captured; what was left of the authorization was released. */
  CAPTURED,
  /** Part of the capture refunded. */
  PARTIALLY_REFUNDED,
  /** Everything captured refunded. */
  REFUNDED,
  /** The authorization was released without a capture (order cancelled). */
  VOIDED,
  /** The gateway refused it (a declined card, a bounced check, no credit left). */
  DECLINED,
  /** Waiting for the tender to clear: a check. */
  AWAITING_CLEARANCE
}
