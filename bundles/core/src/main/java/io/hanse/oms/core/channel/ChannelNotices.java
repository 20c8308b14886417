package io.hanse.oms.core.channel;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.Shipment;
import io.hanse.oms.core.internal.Transactions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells channels when their orders ship or are cancelled. Each notice is a row written in the
 * transaction of the shipment or cancellation ({@link ChannelNoticeEntity#shipped}) and delivered
 * here with backoff until the channel takes it, surviving restarts and a connector being away.
 */
@Component(service = ChannelNotices.class)
public class ChannelNotices {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelNotices.class);
  static final String CHANNEL_USER_PREFIX = "channel:";
  private static final int BATCH = 50;
  private static final long MAX_BACKOFF_MILLIS = 15 * 60_000L;

  private final Transactions tx;
  private final ChannelRegistry registry;
  private final OrderService orders;
  private ScheduledExecutorService executor;

  @Activate
  public ChannelNotices(
      @Reference Transactions tx,
      @Reference ChannelRegistry registry,
      @Reference OrderService orders) {
    this.tx = tx;
    this.registry = registry;
    this.orders = orders;
  }

  @Activate
  void activate() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hanse-channel-notices");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::deliverSafely, 500, 500, TimeUnit.MILLISECONDS);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Notices not yet delivered, per channel. */
  Map<String, Long> pending() {
    return tx.read(
        em -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          em.createQuery(
                  "select n.channel, count(n) from ChannelNoticeEntity n"
                      + " where n.deliveredAt is null group by n.channel",
                  Object[].class)
              .getResultList()
              .forEach(row -> counts.put((String) row[0], (Long) row[1]));
          return counts;
        });
  }

  private void deliverSafely() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("Delivering channel notices failed, will retry: {}", e.toString());
    }
  }

  void deliverDue() {
    // Only channels that can take notices now: those of a missing one wait without blocking.
    List<String> up =
        registry.all().values().stream()
            .filter(c -> c.configurationProblem() == null)
            .map(ChannelConnector::name)
            .toList();
    if (up.isEmpty()) {
      return;
    }
    List<String> due =
        tx.read(
            em ->
                em.createQuery(
                        "select n.id from ChannelNoticeEntity n where n.deliveredAt is null"
                            + " and n.nextAttemptAt <= :now and n.channel in :up"
                            + " order by n.createdAt",
                        String.class)
                    .setParameter("now", Instant.now())
                    .setParameter("up", up)
                    .setMaxResults(BATCH)
                    .getResultList());
    for (String id : due) {
      deliver(id);
    }
  }

  private void deliver(String id) {
    ChannelNoticeEntity notice = tx.read(em -> em.find(ChannelNoticeEntity.class, id));
    ChannelConnector connector = registry.get(notice.channel());
    if (connector == null || connector.configurationProblem() != null) {
      return; // waits for its connector to come back
    }
    String error = null;
    try {
      send(connector, notice);
    } catch (IOException | RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.warn(
          "Channel {} did not take the {} notice of order {}: {}",
          notice.channel(),
          notice.kind(),
          notice.payload().get(OmsTopics.EXTERNAL_ID),
          error);
    }
    String failure = error;
    tx.write(
        em -> {
          ChannelNoticeEntity n = em.find(ChannelNoticeEntity.class, id);
          if (failure == null) {
            n.delivered();
          } else {
            n.failed(failure, backoff(n.attempts()));
          }
          return null;
        });
  }

  private void send(ChannelConnector connector, ChannelNoticeEntity notice) throws IOException {
    Map<String, String> payload = notice.payload();
    String externalId = payload.get(OmsTopics.EXTERNAL_ID);
    if (ChannelNoticeEntity.CANCELLED.equals(notice.kind())) {
      connector.orderCancelled(externalId, payload.get(OmsTopics.REASON));
      return;
    }
    Order order = orders.get(notice.orderId());
    String shipmentId = payload.get(OmsTopics.SHIPMENT_ID);
    Shipment shipment =
        order.shipments().stream()
            .filter(s -> s.id().equals(shipmentId))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("shipment " + shipmentId + " not found"));
    List<SkuQuantity> lines = shipment.lines();
    connector.orderShipped(
        new ChannelShipment(
            externalId,
            order.id(),
            shipment.id(),
            shipment.carrier(),
            shipment.trackingNumber(),
            lines,
            Boolean.parseBoolean(payload.get(ChannelNoticeEntity.COMPLETE))));
  }

  /** 1 s, 2 s, 4 s ... up to 15 minutes, with jitter so that channels are not hit in step. */
  static Duration backoff(int attempts) {
    long base = 1000L << Math.min(attempts, 20);
    long capped = Math.min(base, MAX_BACKOFF_MILLIS);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }
}
