package io.hanse.oms.core.payment;

import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.order.PaymentHolds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a request could not: operations a gateway left unanswered (a timeout, a crash
 * between the call and its record) are asked again with their idempotency key when due, and orders
 * waiting too long on their payment give their stock back.
 */
@Component(immediate = true)
public class PaymentSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentSweeper.class);

  private final Transactions tx;
  private final PaymentExecutor executor;
  private final PaymentHolds holds;
  private final OrderService orders;
  private final Gateways gateways;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hanse-payment-sweeper");
            t.setDaemon(true);
            return t;
          });

  @Activate
  public PaymentSweeper(
      @Reference Transactions tx,
      @Reference PaymentExecutor executor,
      @Reference PaymentHolds holds,
      @Reference OrderService orders,
      @Reference Gateways gateways) {
    this.tx = tx;
    this.executor = executor;
    this.holds = holds;
    this.orders = orders;
    this.gateways = gateways;
    int every = Math.max(1, gateways.config().sweepSeconds());
    timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
  }

  @Deactivate
  void stop() {
    timer.shutdownNow();
  }

  void sweep() {
    try {
      Instant now = Instant.now();
      List<String> orderIds =
          tx.read(
              em ->
                  em.createQuery(
                          "select distinct o.orderId from PaymentOperationEntity o"
                              + " where o.status = :pending and o.nextAttemptAt <= :now"
                              // left to the request that wrote it until it tried once
                              + " and (o.attempts > 0 or o.createdAt < :settled)"
                              + " and (o.claimedUntil is null or o.claimedUntil < :now)",
                          String.class)
                      .setParameter("now", now)
                      .setParameter(
                          "pending", io.hanse.oms.api.payment.PaymentOperation.Status.PENDING)
                      .setParameter("settled", now.minus(PaymentExecutor.OWNED))
                      .setMaxResults(100)
                      .getResultList());
      for (String orderId : orderIds) {
        try {
          if (executor.run(orderId) == PaymentExecutor.Outcome.RETAKE) {
            orders.release(orderId, "payments");
          }
        } catch (RuntimeException e) {
          // one order's trouble must not hold up the others
          LOG.warn(
              "Payments of order {} not settled; next sweep retries: {}", orderId, e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Payment sweep failed; next sweep retries", e);
    }
    try {
      int released = holds.releaseExpired(Duration.ofMinutes(gateways.config().holdMinutes()));
      if (released > 0) {
        LOG.info("Released the stock of {} orders waiting on their payment", released);
      }
    } catch (RuntimeException e) {
      LOG.warn("Releasing the stock of unpaid orders failed; next sweep retries", e);
    }
  }
}
