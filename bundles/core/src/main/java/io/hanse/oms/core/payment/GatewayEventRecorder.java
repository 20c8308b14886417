package io.hanse.oms.core.payment;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.payment.GatewayEvent;
import io.hanse.oms.api.payment.GatewayEventResult;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.core.order.OrderEntity;
import io.hanse.oms.core.outbox.Outbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/**
 * Records what a gateway did on its own. Each event becomes at most one operation whose id derives
 * from the event's id, so a redelivered event finds it; an event about an operation Hanse made (its
 * own refund, seen again through the webhook) is recognised by the gateway's reference and not
 * counted twice.
 */
final class GatewayEventRecorder {
  private GatewayEventRecorder() {}

  static GatewayEventResult record(EntityManager em, String gateway, GatewayEvent e) {
    if (e.type() == GatewayEvent.Type.IGNORED || e.reference() == null) {
      return result(e, false, null, "nothing to record");
    }
    PaymentEntity p =
        em.createQuery(
                "select p from PaymentEntity p where p.gateway = :g and p.reference = :r",
                PaymentEntity.class)
            .setParameter("g", gateway)
            .setParameter("r", e.reference())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (p == null) {
      return result(e, false, null, "no payment of Hanse's has reference " + e.reference());
    }
    String opId =
        UUID.nameUUIDFromBytes((gateway + ":" + e.id()).getBytes(StandardCharsets.UTF_8))
            .toString();
    if (em.find(PaymentOperationEntity.class, opId) != null) {
      return result(e, false, p.orderId(), "already recorded");
    }
    if (e.operation() != null && madeByHanse(em, p, e.operation())) {
      return result(e, false, p.orderId(), "an operation Hanse made itself");
    }
    OperationType own = ownType(e.type());
    if (own != null && OrderPayments.pending(em, p.id(), own).signum() > 0) {
      // Hanse's own operation of this kind is unanswered: this may be it. The gateway delivers
      // the event again later, when the operation's answer tells.
      throw new io.hanse.oms.api.ConflictException(
          "payment " + p.id() + " has a " + own + " in flight; deliver event " + e.id() + " later");
    }
    String why = e.type().name().toLowerCase(java.util.Locale.ROOT) + " at " + gateway;
    BigDecimal amount = e.amount() == null ? BigDecimal.ZERO : e.amount().amount();
    String detail;
    switch (e.type()) {
      case REFUNDED -> {
        BigDecimal room = p.captured().amount().subtract(p.refunded().amount());
        BigDecimal counted = amount.min(room.max(BigDecimal.ZERO));
        persist(em, p, opId, OperationType.REFUND, counted, e, why);
        p.refunded(counted);
        detail = "refund of " + counted + " recorded";
      }
      case CAPTURED -> {
        // the event carries the total captured on the charge: record what Hanse has not seen
        BigDecimal more = amount.subtract(p.captured().amount());
        if (more.signum() <= 0) {
          return result(e, false, p.orderId(), "capture known already");
        }
        persist(em, p, opId, OperationType.CAPTURE, more, e, why);
        p.captured(more, false);
        detail = "capture of " + more + " recorded";
      }
      case CANCELLED -> {
        persist(em, p, opId, OperationType.VOID, amount, e, why);
        boolean wasOpen =
            p.status() == PaymentStatus.AUTHORIZED
                || p.status() == PaymentStatus.PARTIALLY_CAPTURED;
        p.voided();
        OrderEntity order = em.find(OrderEntity.class, p.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (wasOpen && p.captured().signum() == 0 && shippable(order)) {
          order.holdForPayment("payment authorization cancelled at " + gateway);
        }
        detail = "authorization released";
      }
      case FAILED -> {
        if (p.status() != PaymentStatus.PENDING) {
          return result(e, false, p.orderId(), "the payment is " + p.status());
        }
        persist(em, p, opId, OperationType.AUTHORIZE, amount, e, why);
        p.declined(e.message());
        detail = "payment declined";
      }
      case DISPUTED -> detail = "dispute reported";
      default -> detail = "nothing to record";
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put(OmsTopics.ORDER_ID, p.orderId());
    event.put(OmsTopics.PAYMENT_ID, p.id());
    event.put(OmsTopics.OPERATION, "GATEWAY_" + e.type().name());
    event.put(OmsTopics.TENDER, p.tender().code());
    event.put(OmsTopics.AMOUNT, amount.toPlainString());
    event.put(OmsTopics.CURRENCY, p.currency());
    event.put(OmsTopics.STATUS, p.status().name());
    Outbox.append(em, OmsTopics.PAYMENT_CHANGED, event);
    return result(e, true, p.orderId(), detail);
  }

  private static OperationType ownType(GatewayEvent.Type type) {
    return switch (type) {
      case REFUNDED -> OperationType.REFUND;
      case CAPTURED -> OperationType.CAPTURE;
      case CANCELLED -> OperationType.VOID;
      default -> null;
    };
  }

  private static boolean shippable(OrderEntity order) {
    return order != null
        && (order.status() == OrderStatus.CONFIRMED
            || order.status() == OrderStatus.BACKORDERED
            || order.status() == OrderStatus.ON_HOLD);
  }

  private static boolean madeByHanse(EntityManager em, PaymentEntity p, String reference) {
    return !em.createQuery(
            "select o.id from PaymentOperationEntity o where o.paymentId = :p and o.reference = :r",
            String.class)
        .setParameter("p", p.id())
        .setParameter("r", reference)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static void persist(
      EntityManager em,
      PaymentEntity p,
      String opId,
      OperationType type,
      BigDecimal amount,
      GatewayEvent e,
      String why) {
    PaymentOperationEntity op = new PaymentOperationEntity(opId, p, type, amount, why);
    op.succeeded(e.operation(), e.message());
    em.persist(op);
  }

  private static GatewayEventResult result(
      GatewayEvent e, boolean recorded, String orderId, String detail) {
    return new GatewayEventResult(e.id(), e.type(), recorded, orderId, detail);
  }
}
