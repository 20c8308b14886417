package io.hanse.oms.core.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.core.internal.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A refund asked for; its money moves through refund operations or a store credit card. */
@Entity
@Table(name = "oms_refund")
public class RefundEntity {
  @Id private String id;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  private String currency;
  private BigDecimal amount;
  private String reason;

  @Column(name = "store_credit")
  private boolean storeCredit;

  @Column(name = "giftcard_id")
  private String giftCardId;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected RefundEntity() {}

  RefundEntity(
      String orderId,
      String idempotencyKey,
      Money amount,
      String reason,
      boolean storeCredit,
      String createdBy) {
    this.id = Ids.next();
    this.orderId = orderId;
    this.idempotencyKey = idempotencyKey;
    this.currency = amount.currency();
    this.amount = amount.amount();
    this.reason = reason;
    this.storeCredit = storeCredit;
    this.createdBy = createdBy;
    this.createdAt = Instant.now();
  }

  String id() {
    return id;
  }

  String orderId() {
    return orderId;
  }

  Money amount() {
    return new Money(amount.stripTrailingZeros(), currency);
  }

  String reason() {
    return reason;
  }

  boolean storeCredit() {
    return storeCredit;
  }

  String giftCardId() {
    return giftCardId;
  }

  void giftCard(String id) {
    this.giftCardId = id;
  }
}
