package io.hanse.oms.core.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.core.internal.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A tender of an order and what its gateway did with it. The amounts only ever move through the
 * outcome of an operation ({@link PaymentOperationEntity}), so they say what the gateway did, not
 * what was asked.
 */
@Entity
@Table(name = "oms_payment")
public class PaymentEntity {
  @Id private String id;

  @Column(name = "order_id")
  private String orderId;

  @Enumerated(EnumType.STRING)
  private Tender tender;

  private String gateway;

  /** A token, check number or customer id: what the gateway needs again after a crash. */
  private String source;

  private String display;
  private String currency;
  private BigDecimal amount;
  private BigDecimal authorized;
  private BigDecimal captured;
  private BigDecimal refunded;

  @Enumerated(EnumType.STRING)
  private PaymentStatus status;

  private String reference;

  @Column(name = "decline_reason")
  private String declineReason;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected PaymentEntity() {}

  PaymentEntity(
      String orderId, Tender tender, String gateway, String source, String display, Money amount) {
    this.id = Ids.next();
    this.orderId = orderId;
    this.tender = tender;
    this.gateway = gateway;
    this.source = source;
    this.display = display;
    this.currency = amount.currency();
    this.amount = amount.amount();
    this.authorized = BigDecimal.ZERO;
    this.captured = BigDecimal.ZERO;
    this.refunded = BigDecimal.ZERO;
    this.status = PaymentStatus.PENDING;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  String id() {
    return id;
  }

  String orderId() {
    return orderId;
  }

  Tender tender() {
    return tender;
  }

  String gateway() {
    return gateway;
  }

  String source() {
    return source;
  }

  Instant createdAt() {
    return createdAt;
  }

  String display() {
    return display;
  }

  String reference() {
    return reference;
  }

  PaymentStatus status() {
    return status;
  }

  String currency() {
    return currency;
  }

  Money amount() {
    return money(amount);
  }

  Money authorized() {
    return money(authorized);
  }

  Money captured() {
    return money(captured);
  }

  Money refunded() {
    return money(refunded);
  }

  String declineReason() {
    return declineReason;
  }

  /** What is authorized and not yet captured. */
  BigDecimal uncaptured() {
    return authorized.subtract(captured);
  }

  void authorized(String reference) {
    this.reference = reference;
    this.authorized = amount;
    this.status = PaymentStatus.AUTHORIZED;
    touch();
  }

  void awaitingClearance(String reference) {
    this.reference = reference;
    this.status = PaymentStatus.AWAITING_CLEARANCE;
    touch();
  }

  void declined(String reason) {
    this.status = PaymentStatus.DECLINED;
    this.declineReason =
        reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    touch();
  }

  /** A check cleared: the whole amount is in. */
  void cleared() {
    this.authorized = amount;
    this.captured = amount;
    this.status = PaymentStatus.CAPTURED;
    touch();
  }

  void captured(BigDecimal more, boolean last) {
    captured = captured.add(more);
    status =
        last || captured.compareTo(authorized) >= 0
            ? PaymentStatus.CAPTURED
            : PaymentStatus.PARTIALLY_CAPTURED;
    touch();
  }

  void voided() {
    status = captured.signum() > 0 ? PaymentStatus.CAPTURED : PaymentStatus.VOIDED;
    touch();
  }

  void refunded(BigDecimal more) {
    refunded = refunded.add(more);
    status =
        refunded.compareTo(captured) >= 0
            ? PaymentStatus.REFUNDED
            : PaymentStatus.PARTIALLY_REFUNDED;
    touch();
  }

  private Money money(BigDecimal value) {
    return new Money(value.stripTrailingZeros(), currency);
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  Payment toPayment(List<PaymentOperation> operations) {
    return new Payment(
        id,
        orderId,
        tender,
        gateway,
        display,
        amount(),
        authorized(),
        captured(),
        refunded(),
        status,
        reference,
        declineReason,
        operations,
        createdAt);
  }
}
