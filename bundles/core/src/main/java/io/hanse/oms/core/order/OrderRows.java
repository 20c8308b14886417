package io.hanse.oms.core.order;

import io.hanse.oms.core.internal.JdbcBatch;
import io.hanse.oms.core.outbox.OutboxEventEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a batch of new orders made over JDBC, one batched INSERT per table, parents first:
 * orders, their lines, reservations, idempotency keys, events. The entities are never managed by
 * the persistence context, so Hibernate spends nothing on them at flush; each entity's own {@code
 * INSERT} and {@code bindInsert} sit next to its mapping.
 */
final class OrderRows {
  private OrderRows() {}

  /** Inserts new orders, reservations, keys and outbox events, in any mix. */
  static void insert(Connection c, List<Object> entities) throws SQLException {
    List<OrderEntity> orders = new ArrayList<>();
    List<ReservationEntity> reservations = new ArrayList<>();
    List<IdempotencyKeyEntity> keys = new ArrayList<>();
    List<OutboxEventEntity> events = new ArrayList<>();
    for (Object e : entities) {
      if (e instanceof OrderEntity o) {
        orders.add(o);
      } else if (e instanceof ReservationEntity r) {
        reservations.add(r);
      } else if (e instanceof IdempotencyKeyEntity k) {
        keys.add(k);
      } else if (e instanceof OutboxEventEntity ev) {
        events.add(ev);
      } else {
        throw new IllegalArgumentException("no JDBC insert for " + e.getClass().getName());
      }
    }
    record Line(OrderLineEntity line, String orderId) {}
    List<Line> lines = new ArrayList<>();
    orders.forEach(o -> o.lines().forEach(l -> lines.add(new Line(l, o.id()))));
    JdbcBatch.insert(c, OrderEntity.INSERT, orders, (ps, o) -> o.bindInsert(ps));
    JdbcBatch.insert(
        c, OrderLineEntity.INSERT, lines, (ps, l) -> l.line().bindInsert(ps, l.orderId()));
    JdbcBatch.insert(c, ReservationEntity.INSERT, reservations, (ps, r) -> r.bindInsert(ps));
    JdbcBatch.insert(c, IdempotencyKeyEntity.INSERT, keys, (ps, k) -> k.bindInsert(ps));
    JdbcBatch.insert(c, OutboxEventEntity.INSERT, events, (ps, e) -> e.bindInsert(ps));
  }
}
