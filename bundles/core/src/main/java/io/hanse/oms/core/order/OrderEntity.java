package io.hanse.oms.core.order;

import static io.hanse.oms.core.internal.TableRows.Type.BIGINT;
import static io.hanse.oms.core.internal.TableRows.Type.BOOLEAN;
import static io.hanse.oms.core.internal.TableRows.Type.DECIMAL;
import static io.hanse.oms.core.internal.TableRows.Type.TIMESTAMP;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.core.customer.AddressEmbeddable;
import io.hanse.oms.core.internal.TableRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.persistence.AttributeOverride;
import javax.persistence.AttributeOverrides;
import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * The order aggregate. Its status changes only through the methods below, which follow {@link
 * OrderTransitions}; stock moves with it through the service.
 */
@Entity
@Table(name = "oms_order")
public class OrderEntity {
  @Id private String id;
  private String channel;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "source_code")
  private String sourceCode;

  private String department;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_before_hold")
  private OrderStatus statusBeforeHold;

  @Column(name = "hold_reason")
  private String holdReason;

  /** Taken on hold with nothing reserved (unknown SKU, stock short): release takes it properly. */
  @Column(name = "taken_unreserved")
  private boolean takenUnreserved;

  /** For a sale at a store's till: the store's location; its stock comes from there only. */
  @Column(name = "sold_at")
  private String soldAt;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "customer_email")
  private String customerEmail;

  @Column(name = "customer_name")
  private String customerName;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "line1", column = @Column(name = "ship_line1")),
    @AttributeOverride(name = "line2", column = @Column(name = "ship_line2")),
    @AttributeOverride(name = "city", column = @Column(name = "ship_city")),
    @AttributeOverride(name = "region", column = @Column(name = "ship_region")),
    @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code")),
    @AttributeOverride(name = "country", column = @Column(name = "ship_country"))
  })
  private AddressEmbeddable shippingAddress;

  @Column(name = "total_amount")
  private BigDecimal totalAmount;

  private String currency;

  @Column(name = "placed_by")
  private String placedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** Since when the order waits on its payment (declined, unavailable, a check): see Payments. */
  @Column(name = "payment_hold_since")
  private Instant paymentHoldSince;

  @Version private long version;

  // Not updatable: the insert writes order_id, so no second UPDATE per line follows it.
  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "order_id", nullable = false, updatable = false)
  @OrderBy("lineNo")
  private List<OrderLineEntity> lines = new ArrayList<>();

  /** Read-only view: shipments are persisted on their own. */
  @OneToMany
  @JoinColumn(name = "order_id", insertable = false, updatable = false)
  @OrderBy("shippedAt")
  private List<ShipmentEntity> shipments = new ArrayList<>();

  protected OrderEntity() {}

  /**
   * New orders' rows as the mapping above writes them, for batches written over JDBC ({@link
   * OrderRows}); {@code OrderRowsTest} checks them against the mapping.
   */
  static final TableRows<OrderEntity> ROWS =
      TableRows.<OrderEntity>of("oms_order")
          .column("id", VARCHAR, o -> o.id)
          .column("channel", VARCHAR, o -> o.channel)
          .column("external_id", VARCHAR, o -> o.externalId)
          .column("source_code", VARCHAR, o -> o.sourceCode)
          .column("department", VARCHAR, o -> o.department)
          .column("status", VARCHAR, o -> o.status == null ? null : o.status.name())
          .column(
              "status_before_hold",
              VARCHAR,
              o -> o.statusBeforeHold == null ? null : o.statusBeforeHold.name())
          .column("hold_reason", VARCHAR, o -> o.holdReason)
          .column("taken_unreserved", BOOLEAN, o -> o.takenUnreserved)
          .column("sold_at", VARCHAR, o -> o.soldAt)
          .column("customer_id", VARCHAR, o -> o.customerId)
          .column("customer_email", VARCHAR, o -> o.customerEmail)
          .column("customer_name", VARCHAR, o -> o.customerName)
          .column("ship_line1", VARCHAR, o -> shippedTo(o, Address::line1))
          .column("ship_line2", VARCHAR, o -> shippedTo(o, Address::line2))
          .column("ship_city", VARCHAR, o -> shippedTo(o, Address::city))
          .column("ship_region", VARCHAR, o -> shippedTo(o, Address::region))
          .column("ship_postal_code", VARCHAR, o -> shippedTo(o, Address::postalCode))
          .column("ship_country", VARCHAR, o -> shippedTo(o, Address::country))
          .column("total_amount", DECIMAL, o -> o.totalAmount)
          .column("currency", VARCHAR, o -> o.currency)
          .column("placed_by", VARCHAR, o -> o.placedBy)
          .column("created_at", TIMESTAMP, o -> o.createdAt)
          .column("updated_at", TIMESTAMP, o -> o.updatedAt)
          .column("payment_hold_since", TIMESTAMP, o -> o.paymentHoldSince)
          .column("version", BIGINT, o -> o.version);

  private static String shippedTo(OrderEntity o, Function<Address, String> part) {
    return o.shippingAddress == null ? null : part.apply(o.shippingAddress.toAddress());
  }

  OrderEntity(
      String id,
      String channel,
      String externalId,
      String sourceCode,
      String department,
      String customerId,
      String customerEmail,
      String customerName,
      Address shippingAddress,
      String placedBy) {
    this.id = id;
    this.channel = channel;
    this.externalId = externalId;
    this.sourceCode = sourceCode;
    this.department = department;
    this.customerId = customerId;
    this.customerEmail = customerEmail;
    this.customerName = customerName;
    this.shippingAddress = shippingAddress == null ? null : new AddressEmbeddable(shippingAddress);
    this.placedBy = placedBy;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  /** Adds the priced, reserved lines and sets the opening status. */
  void open(List<OrderLineEntity> newLines, Money total) {
    lines.addAll(newLines);
    totalAmount = total.amount();
    currency = total.currency();
    status =
        newLines.stream().anyMatch(l -> l.backordered() > 0)
            ? OrderStatus.BACKORDERED
            : OrderStatus.CONFIRMED;
  }

  /**
   * Adds lines that reserve nothing and puts the new order on hold: a channel's order that cannot
   * be taken as it is, kept rather than dropped.
   */
  void openUnreserved(List<OrderLineEntity> newLines, Money total, String reason) {
    lines.addAll(newLines);
    totalAmount = total.amount();
    currency = total.currency();
    status = OrderStatus.ON_HOLD;
    statusBeforeHold = null;
    holdReason = truncate(reason);
    takenUnreserved = true;
  }

  /** Replaces the unreserved lines of an order taken on hold with priced, reserved ones. */
  void retaken(List<OrderLineEntity> newLines, Money total) {
    lines.clear();
    holdReason = null;
    takenUnreserved = false;
    paymentHoldSince = null;
    open(newLines, total);
    touch();
  }

  boolean takenUnreserved() {
    return takenUnreserved;
  }

  void soldAt(String location) {
    this.soldAt = location;
  }

  String soldAt() {
    return soldAt;
  }

  /** A store sale held because the store's stock did not cover it. */
  boolean heldStoreSale() {
    return soldAt != null && takenUnreserved && status == OrderStatus.ON_HOLD;
  }

  public String id() {
    return id;
  }

  String channel() {
    return channel;
  }

  String externalId() {
    return externalId;
  }

  String sourceCode() {
    return sourceCode;
  }

  public String customerEmail() {
    return customerEmail;
  }

  String placedBy() {
    return placedBy;
  }

  public OrderStatus status() {
    return status;
  }

  List<OrderLineEntity> lines() {
    return lines;
  }

  /** After backorders were allocated: an order with nothing left to wait for is confirmed. */
  boolean allocated() {
    if (status == OrderStatus.BACKORDERED && lines.stream().allMatch(l -> l.backordered() == 0)) {
      status = OrderStatus.CONFIRMED;
      touch();
      return true;
    }
    return false;
  }

  String department() {
    return department;
  }

  void hold(String reason) {
    OrderTransitions.require(id, status, OrderStatus.ON_HOLD);
    statusBeforeHold = status;
    status = OrderStatus.ON_HOLD;
    holdReason = truncate(reason);
    touch();
  }

  void release() {
    if (status != OrderStatus.ON_HOLD) {
      throw new ConflictException("order " + id + " is not on hold");
    }
    paymentHoldSince = null;
    status = statusBeforeHold == null ? OrderStatus.CONFIRMED : statusBeforeHold;
    statusBeforeHold = null;
    holdReason = null;
    touch();
  }

  public String customerId() {
    return customerId;
  }

  public Money total() {
    return new Money(totalAmount, currency);
  }

  public Instant paymentHoldSince() {
    return paymentHoldSince;
  }

  /**
   * Holds the order until its payment is settled (authorized, cleared); an order already on hold
   * keeps its hold and notes the payment's reason too.
   */
  public void holdForPayment(String reason) {
    if (status == OrderStatus.ON_HOLD) {
      if (paymentHoldSince == null && holdReason != null && !holdReason.equals(reason)) {
        reason = holdReason + "; " + reason;
      }
    } else {
      OrderTransitions.require(id, status, OrderStatus.ON_HOLD);
      statusBeforeHold = status;
      status = OrderStatus.ON_HOLD;
    }
    holdReason = truncate(reason);
    if (paymentHoldSince == null) {
      paymentHoldSince = Instant.now();
    }
    touch();
  }

  /**
   * The payment is settled: an order held for it alone goes ahead.
   *
   * @return false when it must be taken again first (its reservations were released while it
   *     waited), which {@link io.hanse.oms.api.order.OrderService#release} does
   */
  public boolean releasePaymentHold() {
    if (paymentHoldSince == null) {
      return true;
    }
    if (status != OrderStatus.ON_HOLD) {
      paymentHoldSince = null;
      return true;
    }
    paymentHoldSince = null;
    if (takenUnreserved) {
      holdReason = "paid; its stock is taken again";
      touch();
      return false;
    }
    release();
    return true;
  }

  /**
   * Refuses to let an order waiting on its payment go ahead by hand: it would ship unpaid.
   *
   * @throws ConflictException while it waits
   */
  public void requireNoPaymentHold() {
    if (paymentHoldSince != null && status == OrderStatus.ON_HOLD) {
      throw new ConflictException(
          "order "
              + id
              + " waits on its payment ("
              + holdReason
              + "): add a payment, or cancel it");
    }
  }

  /**
   * The payment hold lasted too long: its stock goes back, the order stays on hold. Not for an
   * order that shipped in part: taking it again would forget what left.
   */
  public boolean onPaymentHoldReserving() {
    return paymentHoldSince != null
        && status == OrderStatus.ON_HOLD
        && !takenUnreserved
        && lines.stream().allMatch(l -> l.shipped() == 0);
  }

  /** Its reservations were released: releasing the hold later takes the order again. */
  public void reservationsReleased(String reason) {
    takenUnreserved = true;
    holdReason = truncate(holdReason + "; " + reason);
    touch();
  }

  /** Units shipped per SKU, for returns. */
  public java.util.Map<String, Integer> shippedBySku() {
    java.util.Map<String, Integer> shipped = new java.util.LinkedHashMap<>();
    for (OrderLineEntity line : lines) {
      if (line.shipped() > 0) {
        shipped.merge(line.sku(), line.shipped(), Integer::sum);
      }
    }
    return shipped;
  }

  /**
   * What the customer paid for one unit of a SKU (its first line): the line's total over its
   * quantity, so line discounts are refunded as they were paid.
   */
  public java.math.BigDecimal unitPriceOf(String sku) {
    return lines.stream()
        .filter(l -> l.sku().equals(sku))
        .map(
            l ->
                l.lineTotal()
                    .amount()
                    .divide(
                        java.math.BigDecimal.valueOf(l.quantity()),
                        l.lineTotal().amount().scale(),
                        java.math.RoundingMode.HALF_DOWN))
        .findFirst()
        .orElse(java.math.BigDecimal.ZERO);
  }

  /** Everything shipped came back. */
  public void returnedInFull() {
    OrderTransitions.require(id, status, OrderStatus.RETURNED);
    status = OrderStatus.RETURNED;
    touch();
  }

  void cancel() {
    OrderTransitions.require(id, status, OrderStatus.CANCELLED);
    lines.forEach(OrderLineEntity::cancelOpen);
    status = OrderStatus.CANCELLED;
    touch();
  }

  /** Called before stock moves: only orders that are free to ship may ship. */
  void requireShippable() {
    if (status == OrderStatus.ON_HOLD) {
      throw new ConflictException("order " + id + " is on hold: " + holdReason);
    }
    OrderTransitions.require(id, status, OrderStatus.PARTIALLY_SHIPPED);
  }

  /** Sets the status that follows a shipment, from what the lines still have open. */
  void shipped(ShipmentEntity shipment) {
    shipments.add(shipment);
    boolean open = lines.stream().anyMatch(l -> l.open() > 0);
    status = open ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.SHIPPED;
    touch();
  }

  void close() {
    OrderTransitions.require(id, status, OrderStatus.CLOSED);
    status = OrderStatus.CLOSED;
    touch();
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  Order toOrder() {
    return toOrder(List.of());
  }

  Order toOrder(List<Payment> payments) {
    return new Order(
        id,
        channel,
        externalId,
        sourceCode,
        department,
        status,
        holdReason,
        customerId,
        customerEmail,
        customerName,
        shippingAddress == null ? null : shippingAddress.toAddress(),
        new Money(totalAmount, currency),
        lines.stream().map(OrderLineEntity::toLine).toList(),
        shipments.stream().map(ShipmentEntity::toShipment).toList(),
        placedBy,
        createdAt,
        updatedAt,
        payments);
  }
}
