package io.hanse.oms.core.outbox;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.event.EventOutbox;
import io.hanse.oms.core.internal.Transactions;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shows what waits in the outbox and sends failed events back to the relay. */
@Component(service = EventOutbox.class)
public class EventOutboxImpl implements EventOutbox {
  private static final String WAITING = "e.publishedAt is null";
  private static final String FAILED = WAITING + " and e.attempts >= :max";

  private final Transactions tx;

  @Activate
  public EventOutboxImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Status status() {
    return tx.read(
        em -> {
          Object[] waiting =
              em.createQuery(
                      "select count(e), min(e.createdAt) from OutboxEventEntity e where " + WAITING,
                      Object[].class)
                  .getSingleResult();
          long failed =
              em.createQuery("select count(e) from OutboxEventEntity e where " + FAILED, Long.class)
                  .setParameter("max", OutboxEventEntity.MAX_ATTEMPTS)
                  .getSingleResult();
          return new Status(((Number) waiting[0]).longValue(), failed, (Instant) waiting[1]);
        });
  }

  @Override
  public List<Entry> list(boolean failedOnly, int limit) {
    int size = Math.max(1, Math.min(limit, 1000));
    return tx.read(
        em -> {
          var query =
              em.createQuery(
                  "select e from OutboxEventEntity e where "
                      + (failedOnly ? FAILED : WAITING)
                      + " order by e.createdAt, e.id",
                  OutboxEventEntity.class);
          if (failedOnly) {
            query.setParameter("max", OutboxEventEntity.MAX_ATTEMPTS);
          }
          return query.setMaxResults(size).getResultList().stream()
              .map(e -> new Entry(e.id(), e.topic(), e.createdAt(), e.attempts(), e.lastError()))
              .toList();
        });
  }

  @Override
  public int retry(String id) {
    // an event of a row of several is named <row id>.<n>; row ids are UUIDs, without dots
    String row = id == null || id.indexOf('.') < 0 ? id : id.substring(0, id.indexOf('.'));
    return tx.write(
        em -> {
          var update =
              em.createQuery(
                      "update OutboxEventEntity e set e.attempts = 0 where "
                          + FAILED
                          + (row == null ? "" : " and e.id = :id"))
                  .setParameter("max", OutboxEventEntity.MAX_ATTEMPTS);
          if (row != null) {
            update.setParameter("id", row);
          }
          int retried = update.executeUpdate();
          if (id != null && retried == 0) {
            throw new NotFoundException("failed event", id);
          }
          return retried;
        });
  }
}
