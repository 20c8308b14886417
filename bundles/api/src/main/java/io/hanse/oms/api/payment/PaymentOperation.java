package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import java.time.Instant;

/**
 * One gateway call of a payment, recorded before it is made and updated with its outcome.
 *
 * @param status {@code PENDING} until the gateway answered conclusively, then {@code SUCCEEDED} or
 *     {@code FAILED}
 * @param reference the gateway's reference for it
 * @param message why it failed or is pending; never card data
 * @param reason what it was for: a shipment, a refund request, a cancellation
 */
public record PaymentOperation(
    String id,
    OperationType type,
    Money amount,
    Status status,
    String reference,
    String message,
    String reason,
    Instant createdAt,
    Instant completedAt) {

  public enum Status {
    PENDING,
    SUCCEEDED,
    FAILED
  }
}
