package io.hanse.oms.core.outbox;

import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox events to EventAdmin, oldest first within a poll, then marks them
 * published. A crash between the two publishes an event twice, never zero times: listeners
 * deduplicate by event id.
 *
 * <p>A poll looks only at events written in the last {@link #RECENT} before the previous poll that
 * found everything published; every {@link #SWEEP_EVERY} a sweep looks at all of them. Marking an
 * event published leaves its pending version in {@code ix_outbox_pending} until PostgreSQL vacuums
 * the table, and a poll over all pending entries read every one of those: 22 ms a poll after a
 * minute at 500 orders/s, growing with every event, when vacuum lags or is off. The window keeps a
 * poll's cost to the recent entries. An event committed more than {@code RECENT} after it was
 * written (a long transaction, another node's clock or time zone) or put back by an operator waits
 * for the next sweep, never longer; so does an event whose publishing failed, once it is older than
 * the window (its retries slow down from every poll to every sweep). A clock set back makes every
 * poll a sweep until one has run on the new time.
 */
@Component(immediate = true, configurationPid = "io.hanse.oms.outbox")
@Designate(ocd = OutboxRelay.Config.class)
public class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  @ObjectClassDefinition(name = "Hanse OMS outbox relay")
  public @interface Config {
    @AttributeDefinition(description = "Milliseconds between polls of the outbox")
    long pollMillis() default 200;

    @AttributeDefinition(description = "Most events published per poll")
    int batchSize() default 500;

    @AttributeDefinition(
        description =
            "Hours a published event is kept (for inspection and replay) before it is deleted")
    int retentionHours() default 72;
  }

  /** How often published events past their retention are deleted, and how many per statement. */
  private static final long PRUNE_EVERY_MILLIS = 60_000;

  private static final int PRUNE_BATCH = 1000;

  private static final long PRUNE_MAX_NANOS = 2_000_000_000L;

  /** How far back before the last caught-up poll a poll looks for pending events. */
  static final Duration RECENT = Duration.ofSeconds(10);

  /** How often a poll looks at all pending events, whenever they were written. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

  @Reference private EventAdmin eventAdmin;

  @Reference private Transactions tx;

  private ScheduledExecutorService executor;
  private ScheduledFuture<?> polling;
  private int batchSize;
  private Duration retention;
  private long lastPrune;
  private Clock clock = Clock.systemUTC();
  // only the relay's one thread touches these
  private Instant pendingSince; // null: the next poll sweeps
  private Instant lastSweep = Instant.MIN;

  @Activate
  void activate(Config config) {
    batchSize = config.batchSize();
    retention = Duration.ofHours(Math.max(1, config.retentionHours()));
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hanse-outbox-relay");
              t.setDaemon(true);
              return t;
            });
    polling =
        executor.scheduleWithFixedDelay(
            this::publishSafely, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    polling.cancel(false);
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  private void publishSafely() {
    try {
      while (publishBatch() == batchSize) {
        // a full batch: more are waiting
      }
      if (System.currentTimeMillis() - lastPrune > PRUNE_EVERY_MILLIS) {
        lastPrune = System.currentTimeMillis();
        int deleted = prune(Instant.now().minus(retention));
        if (deleted > 0) {
          LOG.debug("Deleted {} published outbox events older than {}", deleted, retention);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox relay failed, will retry: {}", e.toString());
    }
  }

  /** A relay that is not scheduled, for tests that drive {@link #publishBatch()} themselves. */
  static OutboxRelay forTest(Transactions tx, EventAdmin eventAdmin, int batchSize) {
    return forTest(tx, eventAdmin, batchSize, Clock.systemUTC());
  }

  /** A test relay on {@code clock}, which decides its windows and sweeps. */
  static OutboxRelay forTest(Transactions tx, EventAdmin eventAdmin, int batchSize, Clock clock) {
    OutboxRelay relay = new OutboxRelay();
    relay.eventAdmin = eventAdmin;
    relay.tx = tx;
    relay.batchSize = batchSize;
    relay.clock = clock;
    return relay;
  }

  /**
   * Deletes events published before {@code cutoff}, a batch per transaction so that a long backlog
   * never holds locks for long, for at most about two seconds; returns how many it deleted. Pending
   * events are never deleted.
   */
  int prune(Instant cutoff) {
    int total = 0;
    // at most a couple of seconds per call, so that a long backlog never holds up publishing;
    // the next call, a minute later, goes on
    long until = System.nanoTime() + PRUNE_MAX_NANOS;
    while (true) {
      int deleted =
          tx.write(
              em -> {
                List<String> ids =
                    em.createQuery(
                            "select e.id from OutboxEventEntity e where e.publishedAt < :cutoff",
                            String.class)
                        .setParameter("cutoff", cutoff)
                        .setMaxResults(PRUNE_BATCH)
                        .getResultList();
                return ids.isEmpty()
                    ? 0
                    : em.createQuery("delete from OutboxEventEntity e where e.id in :ids")
                        .setParameter("ids", InLists.padded(ids))
                        .executeUpdate();
              });
      total += deleted;
      if (deleted < PRUNE_BATCH || System.nanoTime() > until) {
        return total;
      }
    }
  }

  /** Publishes one batch of pending events; returns how many it handled. */
  int publishBatch() {
    Instant now = clock.instant();
    boolean sweep =
        pendingSince == null
            || now.isBefore(lastSweep) // the clock was set back: the window means nothing now
            || !now.isBefore(lastSweep.plus(SWEEP_EVERY));
    Instant since = sweep ? null : pendingSince;
    int handled =
        tx.write(
            em -> {
              // ordered as ix_outbox_pending (publishedAt is null for all of them): the database
              // walks the index from the window's start to the batch's end instead of sorting
              // every pending entry
              TypedQuery<OutboxEventEntity> query =
                  em.createQuery(
                          "select e from OutboxEventEntity e where e.publishedAt is null"
                              + " and e.attempts < :max"
                              + (since == null ? "" : " and e.createdAt >= :since")
                              + " order by e.publishedAt, e.createdAt, e.id",
                          OutboxEventEntity.class)
                      .setParameter("max", OutboxEventEntity.MAX_ATTEMPTS)
                      .setMaxResults(batchSize);
              if (since != null) {
                query.setParameter("since", since);
              }
              List<OutboxEventEntity> pending = query.getResultList();
              List<String> published = new ArrayList<>();
              for (OutboxEventEntity e : pending) {
                try {
                  // a row of several events is published again whole if one fails: listeners
                  // deduplicate by event id
                  for (Map<String, Object> props : Outbox.unpack(e)) {
                    eventAdmin.postEvent(new Event(e.topic(), props));
                  }
                  published.add(e.id());
                } catch (RuntimeException ex) {
                  e.failed(ex.toString());
                  LOG.warn(
                      "Could not publish event {} on {}: {}", e.id(), e.topic(), ex.toString());
                }
              }
              if (!published.isEmpty()) {
                // one statement for the batch, not one per event
                em.createQuery(
                        "update OutboxEventEntity e set e.publishedAt = :now,"
                            + " e.attempts = e.attempts + 1, e.lastError = null where e.id in :ids")
                    .setParameter("now", Instant.now())
                    .setParameter("ids", InLists.padded(published))
                    .executeUpdate();
              }
              return pending.size();
            });
    if (handled < batchSize) {
      // caught up: whatever commits from now on was written after this poll began, give or take
      // a transaction's length
      pendingSince = now.minus(RECENT);
      if (sweep) {
        lastSweep = now;
      }
    }
    return handled;
  }
}
