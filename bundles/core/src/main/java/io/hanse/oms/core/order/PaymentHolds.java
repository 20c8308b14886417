package io.hanse.oms.core.order;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Orders waiting on their payment do not hold stock forever: past the hold policy their
 * reservations go back to every channel, and the order stays on hold until it is paid (then it is
 * taken again) or cancelled.
 */
@Component(service = PaymentHolds.class)
public class PaymentHolds {
  private final Transactions tx;

  @Activate
  public PaymentHolds(@Reference Transactions tx) {
    this.tx = tx;
  }

  /** Releases the reservations of orders on payment hold for longer than {@code policy}. */
  public int releaseExpired(Duration policy) {
    Instant before = Instant.now().minus(policy);
    List<String> ids =
        tx.read(
            em ->
                em.createQuery(
                        "select o.id from OrderEntity o where o.paymentHoldSince < :before"
                            + " and o.takenUnreserved = false and o.status = :held",
                        String.class)
                    .setParameter("before", before)
                    .setParameter("held", io.hanse.oms.api.order.OrderStatus.ON_HOLD)
                    .setMaxResults(100)
                    .getResultList());
    int released = 0;
    for (String id : ids) {
      boolean done =
          tx.write(
              em -> {
                OrderEntity order = em.find(OrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (order == null || !order.onPaymentHoldReserving()) {
                  return false;
                }
                String why =
                    "stock released: payment not settled within " + policy.toMinutes() + " min";
                new OrderFulfilment(em, "system", order).releaseAll(why);
                order.reservationsReleased(why);
                Outbox.append(em, OmsTopics.ORDER_CHANGED, OrderServiceImpl.event(order));
                em.flush();
                return true;
              });
      released += done ? 1 : 0;
    }
    return released;
  }
}
