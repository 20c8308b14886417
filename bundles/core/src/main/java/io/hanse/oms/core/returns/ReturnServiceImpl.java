package io.hanse.oms.core.returns;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.Refund;
import io.hanse.oms.api.returns.Disposition;
import io.hanse.oms.api.returns.ReceivedLine;
import io.hanse.oms.api.returns.ReturnLineRequest;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import io.hanse.oms.api.returns.RmaStatus;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.order.OrderEntity;
import io.hanse.oms.core.order.OrderTransitions;
import io.hanse.oms.core.outbox.Outbox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns: what may come back is what shipped and was not asked back before; what arrives is
 * restocked or written off in one transaction with the RMA, and its value refunded after it, once,
 * under the RMA's own idempotency key.
 */
@Component(service = ReturnService.class)
public class ReturnServiceImpl implements ReturnService {
  private static final Logger LOG = LoggerFactory.getLogger(ReturnServiceImpl.class);
  private static final int MAX_LINES = 100;
  private static final int MAX_QUANTITY = 100_000;
  private final Transactions tx;
  private final PaymentService payments;

  @Activate
  public ReturnServiceImpl(@Reference Transactions tx, @Reference PaymentService payments) {
    this.tx = tx;
    this.payments = payments;
  }

  @Override
  public Rma request(String orderId, List<ReturnLineRequest> lines, String reason, String user) {
    Checks checks =
        new Checks()
            .required("orderId", orderId)
            .maxLength("reason", reason, 500)
            .that(
                lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES,
                "a return has 1 to " + MAX_LINES + " lines");
    if (lines != null) {
      for (ReturnLineRequest l : lines) {
        checks
            .that(l != null && l.sku() != null, "lines.sku is required")
            .that(
                l == null || (l.quantity() >= 1 && l.quantity() <= MAX_QUANTITY),
                "lines.quantity must be between 1 and " + MAX_QUANTITY)
            .maxLength("lines.reason", l == null ? null : l.reason(), 200);
      }
    }
    checks.orThrow();
    return tx.write(
        em -> {
          OrderEntity order = em.find(OrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
          if (order == null) {
            throw new NotFoundException("order", orderId);
          }
          Map<String, Integer> returnable = returnable(em, order);
          Map<String, Integer> asked = new HashMap<>();
          lines.forEach(l -> asked.merge(l.sku(), l.quantity(), Integer::sum));
          for (Map.Entry<String, Integer> a : asked.entrySet()) {
            int left = returnable.getOrDefault(a.getKey(), 0);
            if (a.getValue() > left) {
              throw new ValidationException(
                  a.getKey()
                      + ": "
                      + a.getValue()
                      + " asked back, "
                      + left
                      + " of order "
                      + orderId
                      + " shipped and not yet returned");
            }
          }
          RmaEntity rma = new RmaEntity(orderId, reason, order.total().currency(), user);
          for (ReturnLineRequest l : lines) {
            rma.lines()
                .add(
                    new RmaLineEmbeddable(
                        l.sku(), l.quantity(), l.reason(), order.unitPriceOf(l.sku())));
          }
          em.persist(rma);
          return rma.toRma();
        });
  }

  /** Shipped units per SKU less those on returns not rejected. */
  private static Map<String, Integer> returnable(EntityManager em, OrderEntity order) {
    Map<String, Integer> left = new LinkedHashMap<>(order.shippedBySku());
    for (RmaEntity other : rmas(em, order.id())) {
      if (other.status() != RmaStatus.REJECTED) {
        other.lines().forEach(l -> left.merge(l.sku(), -l.quantity(), Integer::sum));
      }
    }
    return left;
  }

  private static List<RmaEntity> rmas(EntityManager em, String orderId) {
    return em.createQuery(
            "select r from RmaEntity r where r.orderId = :o order by r.createdAt, r.id",
            RmaEntity.class)
        .setParameter("o", orderId)
        .getResultList();
  }

  @Override
  public Rma authorize(String rmaId, String user) {
    return tx.write(
        em -> {
          RmaEntity rma = Entities.require(em, RmaEntity.class, rmaId, "return");
          rma.authorize();
          return rma.toRma();
        });
  }

  @Override
  public Rma reject(String rmaId, String reason, String user) {
    new Checks().maxLength("reason", reason, 200).orThrow();
    return tx.write(
        em -> {
          RmaEntity rma = Entities.require(em, RmaEntity.class, rmaId, "return");
          rma.reject(reason);
          return rma.toRma();
        });
  }

  @Override
  public Rma receive(String rmaId, List<ReceivedLine> lines, boolean storeCredit, String user) {
    Rma current = get(rmaId);
    if (current.status() == RmaStatus.RECEIVED && current.refundId() == null) {
      // received before, its refund not made (a crash, the gateway down): make it now
      return refund(rmaId, user);
    }
    checkReceived(lines);
    tx.write(
        em -> {
          RmaEntity rma = em.find(RmaEntity.class, rmaId, LockModeType.PESSIMISTIC_WRITE);
          if (rma == null) {
            throw new NotFoundException("return", rmaId);
          }
          if (rma.status() != RmaStatus.AUTHORIZED) {
            throw new ConflictException(
                "return "
                    + rmaId
                    + " is "
                    + rma.status()
                    + "; only an authorized return is received");
          }
          receiveLines(em, rma, lines, user);
          rma.received(storeCredit);
          OrderEntity order =
              em.find(OrderEntity.class, rma.orderId(), LockModeType.PESSIMISTIC_WRITE);
          em.flush();
          if (allBack(em, order)
              && OrderTransitions.allowed(order.status(), OrderStatus.RETURNED)) {
            order.returnedInFull();
          }
          Map<String, Object> event = new LinkedHashMap<>();
          event.put(OmsTopics.ORDER_ID, rma.orderId());
          event.put(OmsTopics.RMA_ID, rma.id());
          Outbox.append(em, OmsTopics.RETURN_RECEIVED, event);
          return null;
        });
    return refund(rmaId, user);
  }

  private static void checkReceived(List<ReceivedLine> lines) {
    Checks checks =
        new Checks()
            .that(
                lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES,
                "1 to " + MAX_LINES + " received lines");
    if (lines != null) {
      for (ReceivedLine l : lines) {
        checks
            .that(l != null && l.sku() != null, "lines.sku is required")
            .that(
                l == null || (l.quantity() >= 1 && l.quantity() <= MAX_QUANTITY),
                "lines.quantity must be between 1 and " + MAX_QUANTITY)
            .that(
                l == null || l.disposition() != null,
                "lines.disposition must be RESTOCK or WRITE_OFF")
            .that(
                l == null || l.disposition() != Disposition.RESTOCK || l.location() != null,
                "lines.location is required to restock");
      }
    }
    checks.orThrow();
  }

  private static void receiveLines(
      EntityManager em, RmaEntity rma, List<ReceivedLine> lines, String user) {
    List<InventoryServiceImpl.Restock> restocked = new ArrayList<>();
    for (ReceivedLine received : lines) {
      RmaLineEmbeddable line =
          rma.lines().stream()
              .filter(l -> l.sku().equals(received.sku()) && l.received() < l.quantity())
              .findFirst()
              .orElseThrow(
                  () ->
                      new ValidationException(
                          received.sku() + " is not (or no more) on return " + rma.id()));
      if (line.received() + received.quantity() > line.quantity()) {
        throw new ValidationException(
            received.sku()
                + ": "
                + received.quantity()
                + " received, "
                + (line.quantity() - line.received())
                + " expected");
      }
      boolean restock = received.disposition() == Disposition.RESTOCK;
      if (restock) {
        restocked.add(
            new InventoryServiceImpl.Restock(
                received.location(), new SkuQuantity(received.sku(), received.quantity())));
      }
      line.receive(received.quantity(), restock);
    }
    // all at once, so that the stock rows change in their lock order
    InventoryServiceImpl.restock(em, restocked, "return " + rma.id(), user);
  }

  /** Whether every shipped unit of the order has been received back. */
  private static boolean allBack(EntityManager em, OrderEntity order) {
    Map<String, Integer> open = new HashMap<>(order.shippedBySku());
    if (open.isEmpty()) {
      return false;
    }
    for (RmaEntity rma : rmas(em, order.id())) {
      rma.lines().forEach(l -> open.merge(l.sku(), -l.received(), Integer::sum));
    }
    return open.values().stream().allMatch(v -> v <= 0);
  }

  private record Received(String orderId, String currency, BigDecimal value, boolean storeCredit) {}

  /** Refunds what arrived, once: the RMA's id is the refund's idempotency key. */
  private Rma refund(String rmaId, String user) {
    Received rma =
        tx.read(
            em -> {
              RmaEntity r = Entities.require(em, RmaEntity.class, rmaId, "return");
              return new Received(r.orderId(), r.currency(), r.value(), r.storeCredit());
            });
    BigDecimal value = rma.value();
    boolean paidHere =
        payments.forOrder(rma.orderId()).stream().anyMatch(p -> p.captured().signum() > 0);
    if (value.signum() <= 0 || !paidHere) {
      // nothing of value came back, or the money was taken by the channel, which refunds it
      return get(rmaId);
    }
    try {
      Refund refund =
          payments.refund(
              rma.orderId(),
              new Money(value.stripTrailingZeros(), rma.currency()),
              "return " + rmaId,
              rma.storeCredit(),
              "rma:" + rmaId,
              user);
      // what actually went back: refund operations that failed do not count
      BigDecimal paid =
          refund.storeCredit() != null
              ? refund.amount().amount()
              : refund.operations().stream()
                  .filter(
                      o -> o.status() != io.hanse.oms.api.payment.PaymentOperation.Status.FAILED)
                  .map(o -> o.amount().amount())
                  .reduce(BigDecimal.ZERO, BigDecimal::add);
      return tx.write(
          em -> {
            RmaEntity r = em.find(RmaEntity.class, rmaId);
            r.refunded(refund.id(), paid);
            return r.toRma();
          });
    } catch (RuntimeException e) {
      LOG.warn("Return {} received; its refund is not made yet: {}", rmaId, e.getMessage());
      throw e;
    }
  }

  @Override
  public Rma get(String rmaId) {
    return tx.read(em -> Entities.require(em, RmaEntity.class, rmaId, "return").toRma());
  }

  @Override
  public List<Rma> forOrder(String orderId) {
    return tx.read(em -> rmas(em, orderId).stream().map(RmaEntity::toRma).toList());
  }

  @Override
  public List<Rma> list(RmaStatus status, int limit) {
    int max = Math.max(1, Math.min(limit <= 0 ? 50 : limit, 500));
    return tx.read(
        em -> {
          var q =
              em.createQuery(
                  "select r from RmaEntity r"
                      + (status == null ? "" : " where r.status = :s")
                      + " order by r.createdAt desc, r.id desc",
                  RmaEntity.class);
          if (status != null) {
            q.setParameter("s", status);
          }
          return q.setMaxResults(max).getResultList().stream().map(RmaEntity::toRma).toList();
        });
  }
}
