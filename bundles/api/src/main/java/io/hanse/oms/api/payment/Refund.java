package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import java.util.List;

/**
 * A refund of an order, spread over its captured tenders (or put on store credit).
 *
 * @param id the refund's id; a retry with the same idempotency key returns the same refund
 * @param amount the total refunded
 * @param operations one refund operation per tender it came from
 * @param storeCredit the gift card issued as store credit, with its code the one time it is shown
 */
public record Refund(
    String id,
    String orderId,
    Money amount,
    String reason,
    List<PaymentOperation> operations,
    IssuedGiftCard storeCredit) {}
