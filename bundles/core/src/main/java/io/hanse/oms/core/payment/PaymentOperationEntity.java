package io.hanse.oms.core.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.core.internal.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A gateway call, written in the transaction that decides it (an order accepted, a shipment, a
 * cancellation, a refund) and made after that transaction commits. Its id is the idempotency key
 * the gateway sees on every attempt, so a retry after a crash or timeout never acts twice.
 */
@Entity
@Table(name = "oms_payment_op")
public class PaymentOperationEntity {
  /** Attempts before an operation the gateway never answered is given up, visibly. */
  static final int MAX_ATTEMPTS = 50;

  @Id private String id;

  @Column(name = "payment_id")
  private String paymentId;

  @Column(name = "order_id")
  private String orderId;

  @Enumerated(EnumType.STRING)
  @Column(name = "op_type")
  private OperationType type;

  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  private PaymentOperation.Status status;

  @Column(name = "final_capture")
  private boolean finalCapture;

  private String reference;
  private String message;
  private String reason;

  @Column(name = "refund_id")
  private String refundId;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  /** Who runs it holds it until then; nobody else calls the gateway for it meanwhile. */
  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected PaymentOperationEntity() {}

  PaymentOperationEntity(
      PaymentEntity payment, OperationType type, BigDecimal amount, String reason) {
    this(Ids.next(), payment, type, amount, reason);
  }

  /** An operation with a given id: one a gateway reported, named after its event. */
  PaymentOperationEntity(
      String id, PaymentEntity payment, OperationType type, BigDecimal amount, String reason) {
    this.id = id;
    this.paymentId = payment.id();
    this.orderId = payment.orderId();
    this.type = type;
    this.amount = amount;
    this.status = PaymentOperation.Status.PENDING;
    this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    this.createdAt = Instant.now();
    this.nextAttemptAt = createdAt;
  }

  PaymentOperationEntity finalCapture(boolean last) {
    this.finalCapture = last;
    return this;
  }

  PaymentOperationEntity refund(String refundId) {
    this.refundId = refundId;
    return this;
  }

  String id() {
    return id;
  }

  String paymentId() {
    return paymentId;
  }

  Instant createdAt() {
    return createdAt;
  }

  String orderId() {
    return orderId;
  }

  OperationType type() {
    return type;
  }

  BigDecimal amount() {
    return amount;
  }

  boolean isFinalCapture() {
    return finalCapture;
  }

  String reason() {
    return reason;
  }

  boolean pending() {
    return status == PaymentOperation.Status.PENDING;
  }

  boolean failed() {
    return status == PaymentOperation.Status.FAILED;
  }

  /**
   * Takes the operation for one run, unless another runner holds it.
   *
   * @return whether this runner may call the gateway now
   */
  boolean claim(Instant now, java.time.Duration lease) {
    if (!pending() || (claimedUntil != null && claimedUntil.isAfter(now))) {
      return false;
    }
    claimedUntil = now.plus(lease);
    return true;
  }

  void succeeded(String reference, String message) {
    this.claimedUntil = null;
    this.status = PaymentOperation.Status.SUCCEEDED;
    this.reference = reference;
    this.message = truncate(message);
    this.completedAt = Instant.now();
    this.nextAttemptAt = null;
  }

  void failed(String reference, String message) {
    this.claimedUntil = null;
    this.status = PaymentOperation.Status.FAILED;
    this.reference = reference;
    this.message = truncate(message);
    this.completedAt = Instant.now();
    this.nextAttemptAt = null;
  }

  /** The gateway did not answer: try again later, backing off, until it is given up. */
  void unanswered(String why) {
    claimedUntil = null;
    attempts++;
    message = truncate(why);
    if (attempts >= MAX_ATTEMPTS) {
      failed(null, "gave up after " + attempts + " attempts: " + why);
      return;
    }
    long seconds = Math.min(600, 1L << Math.min(attempts, 10));
    nextAttemptAt = Instant.now().plus(Duration.ofSeconds(seconds));
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }

  PaymentOperation toOperation(String currency) {
    return new PaymentOperation(
        id,
        type,
        new Money(amount.stripTrailingZeros(), currency),
        status,
        reference,
        message,
        reason,
        createdAt,
        completedAt);
  }
}
