package io.hanse.oms.core.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.order.OrderEntity;
import io.hanse.oms.core.order.OrderServiceImpl;
import io.hanse.oms.core.outbox.Outbox;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an order's pending payment operations: each gateway call outside any transaction, its
 * outcome recorded in one, then what the outcomes mean for the order (go ahead, stay on hold with
 * the reason, release the other tenders of a declined split payment).
 */
@Component(service = PaymentExecutor.class)
public class PaymentExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentExecutor.class);
  private final Transactions tx;
  private final Gateways gateways;

  @Activate
  public PaymentExecutor(@Reference Transactions tx, @Reference Gateways gateways) {
    this.tx = tx;
    this.gateways = gateways;
  }

  /** What the order needs after its payments were settled. */
  public enum Outcome {
    /** Nothing more to do. */
    DONE,
    /** Paid, but its stock was released while it waited: take it again (OrderService.release). */
    RETAKE
  }

  /** Runs every pending operation of the order that is due, then settles the order. */
  public Outcome run(String orderId) {
    for (int round = 0; round < 3; round++) {
      List<String> due =
          tx.read(
              em ->
                  em.createQuery(
                          "select o.id from PaymentOperationEntity o where o.orderId = :o and"
                              + " o.status = :pending"
                              + " order by o.createdAt, o.id",
                          String.class)
                      .setParameter("o", orderId)
                      .setParameter("pending", PaymentOperation.Status.PENDING)
                      .getResultList());
      // a payment's later operations wait for its authorization's answer: a void or capture
      // needs the gateway's reference, and an approval arriving after a void would stay open
      java.util.Set<String> waiting = new java.util.HashSet<>();
      for (String id : due) {
        String blocked = execute(id, waiting);
        if (blocked != null) {
          waiting.add(blocked);
        }
      }
      Settlement settled = tx.write(em -> settle(em, orderId));
      if (!settled.voidsAdded()) {
        return settled.retake() ? Outcome.RETAKE : Outcome.DONE;
      }
    }
    return Outcome.DONE;
  }

  private record Call(
      PaymentOperationEntity op, PaymentEntity payment, String customerId, String email) {}

  /** How long an authorization belongs to the request that wrote it (longer than any timeout). */
  static final java.time.Duration OWNED = java.time.Duration.ofMinutes(2);

  /**
   * Carries out one operation.
   *
   * @return the payment id when its authorization is still unanswered, so its later operations
   *     wait; null otherwise
   */
  private String execute(String opId, java.util.Set<String> waiting) {
    // one transaction reads the operation and claims it, so that nobody else calls for it
    Claim claim = tx.write(em -> claim(em, opId, waiting));
    if (claim.call() == null) {
      return claim.blocks();
    }
    Call call = claim.call();
    String paymentId = call.payment().id();
    boolean authorize = call.op().type() == OperationType.AUTHORIZE;
    PaymentGateway gateway = claim.gateway();
    GatewayResult result;
    try {
      result = call(gateway, call);
    } catch (PaymentUnavailableException e) {
      // the gateway's text may quote its internals: it goes to the log, the record says less
      LOG.warn(
          "Gateway {} did not answer operation {}: {}",
          call.payment().gateway(),
          opId,
          e.getMessage());
      unanswered(opId, "no conclusive answer from the gateway; asked again later");
      return authorize ? paymentId : null;
    } catch (RuntimeException e) {
      // a gateway's own fault: the outcome is unknown, so it is asked again later with the same key
      LOG.warn("Gateway {} failed on operation {}", call.payment().gateway(), opId, e);
      unanswered(opId, "gateway error: " + e.getClass().getSimpleName());
      return authorize ? paymentId : null;
    }
    tx.write(em -> record(em, opId, result));
    return null;
  }

  /** Whom an operation is for, or why it is not run now ({@code blocks}: its payment waits). */
  private record Claim(Call call, PaymentGateway gateway, String blocks) {}

  private Claim claim(EntityManager em, String opId, java.util.Set<String> waiting) {
    PaymentOperationEntity op =
        em.find(PaymentOperationEntity.class, opId, LockModeType.PESSIMISTIC_WRITE);
    if (op == null || !op.pending()) {
      return new Claim(null, null, null);
    }
    PaymentEntity p = em.find(PaymentEntity.class, op.paymentId());
    boolean authorize = op.type() == OperationType.AUTHORIZE;
    String blocks = authorize ? p.id() : null;
    if (!authorize && waiting.contains(p.id())) {
      return new Claim(null, null, null);
    }
    java.time.Instant now = java.time.Instant.now();
    Optional<PaymentGateway> gateway = gateways.find(p.gateway());
    if (gateway.isEmpty()) {
      op.unanswered("gateway " + p.gateway() + " is not installed");
      return new Claim(null, null, blocks);
    }
    if (!op.claim(now, OWNED)) {
      // another runner (a request, the sweeper, another node) is at it
      return new Claim(null, null, blocks);
    }
    OrderEntity order = em.find(OrderEntity.class, op.orderId());
    return new Claim(
        new Call(op, p, order.customerId(), order.customerEmail()), gateway.get(), null);
  }

  private static GatewayResult call(PaymentGateway gateway, Call call) {
    PaymentOperationEntity op = call.op();
    PaymentEntity p = call.payment();
    Money amount = new Money(op.amount().stripTrailingZeros(), p.currency());
    if (op.type() == OperationType.AUTHORIZE) {
      String source = p.source();
      return gateway.authorize(
          new AuthorizationRequest(
              p.id(),
              p.orderId(),
              p.tender(),
              source,
              amount,
              call.customerId(),
              call.email(),
              op.id()));
    }
    GatewayOperation operation =
        new GatewayOperation(
            p.id(),
            p.orderId(),
            p.tender(),
            p.reference(),
            amount,
            op.id(),
            op.reason(),
            op.isFinalCapture());
    return switch (op.type()) {
      case CAPTURE -> gateway.capture(operation);
      case VOID -> gateway.cancel(operation);
      case REFUND -> gateway.refund(operation);
      case AUTHORIZE -> throw new IllegalStateException("handled above");
    };
  }

  private void unanswered(String opId, String why) {
    tx.write(
        em -> {
          PaymentOperationEntity op =
              em.find(PaymentOperationEntity.class, opId, LockModeType.PESSIMISTIC_WRITE);
          if (op != null && op.pending()) {
            op.unanswered(why);
            if (op.failed()) {
              LOG.error("Payment operation {} ({}) given up: {}", opId, op.type(), why);
              if (op.type() == OperationType.AUTHORIZE) {
                // never answered: the tender no longer counts, the order waits for another one
                em.find(PaymentEntity.class, op.paymentId(), LockModeType.PESSIMISTIC_WRITE)
                    .declined("no answer from the gateway");
              }
            }
          }
          return null;
        });
  }

  /** Applies a gateway's answer once, however often it arrives. */
  private static Void record(EntityManager em, String opId, GatewayResult r) {
    PaymentOperationEntity op =
        em.find(PaymentOperationEntity.class, opId, LockModeType.PESSIMISTIC_WRITE);
    if (op == null || !op.pending()) {
      return null;
    }
    PaymentEntity p = em.find(PaymentEntity.class, op.paymentId(), LockModeType.PESSIMISTIC_WRITE);
    boolean declined = r.outcome() == GatewayResult.Outcome.DECLINED;
    String why = declined ? describe(r) : r.message();
    if (declined) {
      op.failed(r.reference(), why);
    } else {
      op.succeeded(r.reference(), why);
    }
    switch (op.type()) {
      case AUTHORIZE -> {
        if (declined) {
          p.declined(why);
        } else if (r.outcome() == GatewayResult.Outcome.PENDING) {
          p.awaitingClearance(r.reference());
        } else {
          p.authorized(r.reference());
        }
      }
      case CAPTURE -> {
        if (!declined) {
          p.captured(op.amount(), op.isFinalCapture());
        }
      }
      case VOID -> {
        if (!declined) {
          p.voided();
        }
      }
      case REFUND -> {
        if (!declined) {
          p.refunded(op.amount());
        }
      }
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put(OmsTopics.ORDER_ID, p.orderId());
    event.put(OmsTopics.PAYMENT_ID, p.id());
    event.put(OmsTopics.OPERATION, op.type().name());
    event.put(OmsTopics.TENDER, p.tender().code());
    event.put(OmsTopics.AMOUNT, op.amount().stripTrailingZeros().toPlainString());
    event.put(OmsTopics.CURRENCY, p.currency());
    event.put(OmsTopics.STATUS, declined ? "FAILED" : "SUCCEEDED");
    Outbox.append(em, OmsTopics.PAYMENT_CHANGED, event);
    return null;
  }

  static String describe(GatewayResult r) {
    String code = r.code() == null ? "declined" : r.code();
    return r.message() == null ? code : code + ": " + r.message();
  }

  private record Settlement(boolean voidsAdded, boolean retake) {}

  /**
   * What the payments now mean for an order on payment hold: still waiting, declined (the other
   * tenders are released and the hold says why), waiting for a check, or paid (the hold goes).
   */
  private static Settlement settle(EntityManager em, String orderId) {
    OrderEntity order = em.find(OrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order == null || order.paymentHoldSince() == null) {
      return new Settlement(false, false);
    }
    List<PaymentEntity> payments = OrderPayments.payments(em, orderId);
    Map<PaymentStatus, List<PaymentEntity>> byStatus =
        payments.stream().collect(Collectors.groupingBy(PaymentEntity::status));
    if (byStatus.containsKey(PaymentStatus.PENDING) || order.status() == OrderStatus.CANCELLED) {
      return new Settlement(false, false);
    }
    BigDecimal covered = OrderPayments.covered(em, orderId);
    List<PaymentEntity> declined = byStatus.getOrDefault(PaymentStatus.DECLINED, List.of());
    if (covered.compareTo(order.total().amount()) < 0) {
      boolean voids = false;
      for (PaymentEntity other : payments) {
        if (other.status() == PaymentStatus.AUTHORIZED
            && OrderPayments.pending(em, other.id(), OperationType.VOID).signum() == 0) {
          // a split payment whose other tender was declined: release this one's hold too
          em.persist(
              new PaymentOperationEntity(
                  other, OperationType.VOID, other.uncaptured(), "other tender declined"));
          voids = true;
        }
      }
      String why =
          declined.isEmpty()
              ? "payment incomplete"
              : "payment declined: "
                  + declined.stream()
                      .map(d -> d.display() + " " + d.declineReason())
                      .collect(Collectors.joining("; "));
      order.holdForPayment(why);
      Outbox.append(em, OmsTopics.ORDER_CHANGED, OrderServiceImpl.event(order));
      return new Settlement(voids, false);
    }
    List<PaymentEntity> checks = byStatus.getOrDefault(PaymentStatus.AWAITING_CLEARANCE, List.of());
    if (!checks.isEmpty()) {
      order.holdForPayment(
          "awaiting clearance of "
              + checks.stream().map(PaymentEntity::display).collect(Collectors.joining(", ")));
      return new Settlement(false, false);
    }
    boolean released = order.releasePaymentHold();
    if (released) {
      Outbox.append(em, OmsTopics.ORDER_CHANGED, OrderServiceImpl.event(order));
    }
    return new Settlement(false, !released);
  }
}
