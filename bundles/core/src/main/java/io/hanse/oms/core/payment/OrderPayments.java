package io.hanse.oms.core.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.order.OrderEntity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * What an order's own transactions decide about its payments: the tenders recorded with the order,
 * a capture per shipment, a void on cancel. Each writes operations that {@link PaymentExecutor}
 * carries out once the transaction has committed.
 */
public final class OrderPayments {
  static final String AWAITING_AUTHORIZATION = "awaiting payment authorization";

  /** Statuses in which nothing (more) can be captured, whatever the amounts say. */
  private static final Set<PaymentStatus> CLOSED =
      EnumSet.of(
          PaymentStatus.PENDING,
          PaymentStatus.DECLINED,
          PaymentStatus.VOIDED,
          PaymentStatus.AWAITING_CLEARANCE);

  private OrderPayments() {}

  /**
   * Records the tenders of a new order and holds it until they are authorized.
   *
   * @throws ValidationException when the tenders do not add up to the order's total
   */
  public static void record(EntityManager em, OrderEntity order, List<PreparedPayment> tenders) {
    persist(em, order, tenders, order.total().amount());
    order.holdForPayment(AWAITING_AUTHORIZATION);
  }

  /** Adds tenders to an order that is not paid in full yet (after a decline). */
  static PaymentEntity add(
      EntityManager em, OrderEntity order, List<PreparedPayment> tenders, String reason) {
    BigDecimal open = order.total().amount().subtract(covered(em, order.id()));
    if (open.signum() <= 0) {
      throw new io.hanse.oms.api.ConflictException("order " + order.id() + " is paid in full");
    }
    List<PaymentEntity> payments = persist(em, order, tenders, open);
    order.holdForPayment(reason);
    return payments.get(payments.size() - 1);
  }

  private static List<PaymentEntity> persist(
      EntityManager em, OrderEntity order, List<PreparedPayment> tenders, BigDecimal due) {
    String currency = order.total().currency();
    BigDecimal given =
        tenders.stream()
            .map(PreparedPayment::amount)
            .filter(a -> a != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal rest = due.subtract(given);
    List<PaymentEntity> payments = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (PreparedPayment t : tenders) {
      BigDecimal amount = t.amount() != null ? t.amount() : rest;
      if (amount.signum() <= 0) {
        throw new ValidationException(
            "payments: the tenders with an amount already cover " + new Money(due, currency));
      }
      Money money = new Money(amount, currency);
      sum = sum.add(money.amount());
      String source = t.tender() == Tender.ACCOUNT ? order.customerId() : t.source();
      PaymentEntity p =
          new PaymentEntity(order.id(), t.tender(), t.gateway(), source, t.display(), money);
      em.persist(p);
      em.persist(new PaymentOperationEntity(p, OperationType.AUTHORIZE, money.amount(), "order"));
      payments.add(p);
    }
    if (sum.compareTo(due) != 0) {
      throw new ValidationException(
          "payments add up to "
              + new Money(sum, currency)
              + " but "
              + new Money(due, currency)
              + " is due (the order's total after prices and promotions)");
    }
    return payments;
  }

  /** What the order's live tenders (not declined or voided) pay. */
  public static BigDecimal covered(EntityManager em, String orderId) {
    return payments(em, orderId).stream()
        .filter(p -> p.status() != PaymentStatus.DECLINED && p.status() != PaymentStatus.VOIDED)
        .map(p -> p.amount().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Captures the value of a shipment, first tender first; the last shipment captures everything
   * still authorized, so that what was taken adds up to the order's total.
   */
  public static boolean captureShipment(
      EntityManager em, OrderEntity order, BigDecimal value, boolean last, String shipmentId) {
    boolean added = false;
    BigDecimal remaining = value;
    String reason = "shipment " + shipmentId;
    for (PaymentEntity p : paymentsLocked(em, order.id())) {
      // by amounts, not status: a partly captured payment that was partly refunded still owes
      if (CLOSED.contains(p.status()) || p.uncaptured().signum() <= 0) {
        continue;
      }
      BigDecimal available = p.uncaptured().subtract(pending(em, p.id(), OperationType.CAPTURE));
      BigDecimal amount = last ? available : remaining.min(available);
      if (amount.signum() > 0) {
        em.persist(
            new PaymentOperationEntity(p, OperationType.CAPTURE, amount, reason)
                .finalCapture(last));
        remaining = remaining.subtract(amount);
        added = true;
      }
    }
    return added;
  }

  /** Releases what the order's tenders hold: on cancel. */
  public static boolean voidAll(EntityManager em, OrderEntity order, String reason) {
    boolean added = false;
    for (PaymentEntity p : payments(em, order.id())) {
      switch (p.status()) {
        case PENDING, AUTHORIZED, PARTIALLY_CAPTURED -> {
          added = true;
          em.persist(
              new PaymentOperationEntity(
                  p,
                  OperationType.VOID,
                  p.status() == PaymentStatus.PENDING ? p.amount().amount() : p.uncaptured(),
                  reason));
        }
        case AWAITING_CLEARANCE -> p.voided(); // the check goes back to the customer
        default -> {}
      }
    }
    return added;
  }

  static BigDecimal pending(EntityManager em, String paymentId, OperationType type) {
    BigDecimal sum =
        em.createQuery(
                "select coalesce(sum(o.amount), 0) from PaymentOperationEntity o"
                    + " where o.paymentId = :p and o.type = :t"
                    + " and o.status = :pending",
                BigDecimal.class)
            .setParameter("p", paymentId)
            .setParameter("t", type)
            .setParameter("pending", PaymentOperation.Status.PENDING)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  static List<PaymentEntity> payments(EntityManager em, String orderId) {
    em.flush();
    return em.createQuery(
            "select p from PaymentEntity p where p.orderId = :o order by p.createdAt, p.id",
            PaymentEntity.class)
        .setParameter("o", orderId)
        .getResultList();
  }

  /**
   * The order's payments, locked, and read fresh: what a concurrent operation's record changed
   * (refunded, captured) is seen together with its operation's new status, never one without the
   * other.
   */
  static List<PaymentEntity> paymentsLocked(EntityManager em, String orderId) {
    em.flush();
    // no ORDER BY: Derby refuses it with FOR UPDATE
    List<PaymentEntity> payments =
        new ArrayList<>(
            em.createQuery(
                    "select p from PaymentEntity p where p.orderId = :o", PaymentEntity.class)
                .setParameter("o", orderId)
                .setLockMode(javax.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    payments.forEach(em::refresh);
    payments.sort(
        java.util.Comparator.comparing(PaymentEntity::createdAt).thenComparing(PaymentEntity::id));
    return payments;
  }

  /** The payments of these orders as the APIs show them, with their operations. */
  public static Map<String, List<Payment>> views(EntityManager em, Collection<String> orderIds) {
    if (orderIds.isEmpty()) {
      return Map.of();
    }
    List<PaymentEntity> payments =
        em.createQuery(
                "select p from PaymentEntity p where p.orderId in :o order by p.createdAt, p.id",
                PaymentEntity.class)
            .setParameter("o", InLists.padded(orderIds))
            .getResultList();
    if (payments.isEmpty()) {
      return Map.of();
    }
    Map<String, List<PaymentOperationEntity>> ops =
        em
            .createQuery(
                "select o from PaymentOperationEntity o where o.orderId in :o"
                    + " order by o.createdAt, o.id",
                PaymentOperationEntity.class)
            .setParameter("o", InLists.padded(orderIds))
            .getResultList()
            .stream()
            .collect(Collectors.groupingBy(PaymentOperationEntity::paymentId));
    Map<String, List<Payment>> byOrder = new LinkedHashMap<>();
    for (PaymentEntity p : payments) {
      List<PaymentOperation> mine =
          ops.getOrDefault(p.id(), List.of()).stream()
              .map(o -> o.toOperation(p.currency()))
              .toList();
      byOrder.computeIfAbsent(p.orderId(), k -> new ArrayList<>()).add(p.toPayment(mine));
    }
    return byOrder;
  }
}
