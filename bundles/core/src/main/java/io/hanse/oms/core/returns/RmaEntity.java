package io.hanse.oms.core.returns;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.returns.Rma;
import io.hanse.oms.api.returns.RmaStatus;
import io.hanse.oms.core.internal.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A return merchandise authorization: requested, authorized (or rejected), received. */
@Entity
@Table(name = "oms_rma")
public class RmaEntity {
  @Id private String id;

  @Column(name = "order_id")
  private String orderId;

  @Enumerated(EnumType.STRING)
  private RmaStatus status;

  private String reason;
  private String currency;

  @Column(name = "refund_id")
  private String refundId;

  private BigDecimal refunded;

  @Column(name = "store_credit")
  private boolean storeCredit;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection
  @CollectionTable(name = "oms_rma_line", joinColumns = @JoinColumn(name = "rma_id"))
  @OrderColumn(name = "position")
  private List<RmaLineEmbeddable> lines = new ArrayList<>();

  protected RmaEntity() {}

  RmaEntity(String orderId, String reason, String currency, String user) {
    this.id = Ids.next();
    this.orderId = orderId;
    this.reason = reason;
    this.currency = currency;
    this.status = RmaStatus.REQUESTED;
    this.createdBy = user;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  String id() {
    return id;
  }

  String orderId() {
    return orderId;
  }

  RmaStatus status() {
    return status;
  }

  String currency() {
    return currency;
  }

  List<RmaLineEmbeddable> lines() {
    return lines;
  }

  String refundId() {
    return refundId;
  }

  boolean storeCredit() {
    return storeCredit;
  }

  void authorize() {
    require(RmaStatus.REQUESTED, "authorized");
    status = RmaStatus.AUTHORIZED;
    touch();
  }

  void reject(String why) {
    if (status != RmaStatus.REQUESTED && status != RmaStatus.AUTHORIZED) {
      throw new ConflictException("return " + id + " is " + status + " and cannot be rejected");
    }
    status = RmaStatus.REJECTED;
    if (why != null) {
      reason = reason == null ? "rejected: " + why : reason + "; rejected: " + why;
    }
    touch();
  }

  void received(boolean storeCredit) {
    require(RmaStatus.AUTHORIZED, "received");
    this.status = RmaStatus.RECEIVED;
    this.storeCredit = storeCredit;
    touch();
  }

  /** What arrived is worth, at the prices paid. */
  BigDecimal value() {
    return lines.stream()
        .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.received())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  void refunded(String refundId, BigDecimal amount) {
    this.refundId = refundId;
    this.refunded = amount;
    touch();
  }

  private void require(RmaStatus expected, String next) {
    if (status != expected) {
      throw new ConflictException(
          "return "
              + id
              + " is "
              + status
              + " and cannot be "
              + next
              + " (it must be "
              + expected
              + ")");
    }
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  Rma toRma() {
    return new Rma(
        id,
        orderId,
        status,
        reason,
        lines.stream().map(l -> l.toLine(currency)).toList(),
        refundId,
        refunded == null ? null : new Money(refunded.stripTrailingZeros(), currency),
        createdBy,
        createdAt,
        updatedAt);
  }
}
