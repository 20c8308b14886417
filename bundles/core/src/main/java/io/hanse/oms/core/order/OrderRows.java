package io.hanse.oms.core.order;

import io.hanse.oms.core.customer.CustomerEntity;
import io.hanse.oms.core.internal.JdbcBatch;
import io.hanse.oms.core.inventory.BatchStock;
import io.hanse.oms.core.inventory.StockKey;
import io.hanse.oms.core.inventory.StockMovementEntity;
import io.hanse.oms.core.outbox.OutboxEventEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes what a batch of new orders made over JDBC: new customers with their addresses, the orders,
 * their lines, reservations, idempotency keys and events, and the stock they reserve with its
 * movements and events. The entities are never managed by the persistence context, so Hibernate
 * spends nothing on them at flush; each entity's rows ({@code ROWS}) are defined next to its
 * mapping.
 *
 * <p>On PostgreSQL all of it is one round trip: each table's rows go as one array per column, the
 * inserts are parts of one {@code WITH}, and the driver sends it with the stock's conditional
 * update at once, so a batch costs one round trip to write whatever its size (decision 16).
 * Elsewhere each table is one JDBC batch, parents first, then the stock.
 */
final class OrderRows {
  private OrderRows() {}

  /**
   * The batch's reservations and rows, sent together in one round trip (see {@link #write}): first
   * the lock of the stock rows in key order, then the stock's conditional update, both planned for
   * their arrays like every statement of the server's connections (it joins them to the stock
   * table, and only a plan for the rows at hand is sure to find them by key); then all the inserts
   * in one {@code WITH}, which have no plan to choose, so they run on a generic plan that
   * PostgreSQL makes once per connection instead of planning seventy arrays on every batch ({@code
   * SET LOCAL}: until the commit).
   */
  static final String WRITE_AT_ONCE =
      BatchStock.LOCK_IN_KEY_ORDER
          + "; "
          + BatchStock.RESERVE_FROM_ARRAYS
          + "; set local plan_cache_mode = force_generic_plan"
          + "; with customers as ("
          + CustomerEntity.ROWS.insertFromArrays()
          + "), addresses as ("
          + CustomerEntity.ADDRESS_ROWS.insertFromArrays()
          + "), orders as ("
          + OrderEntity.ROWS.insertFromArrays()
          + "), lines as ("
          + OrderLineEntity.ROWS.insertFromArrays()
          + "), reservations as ("
          + ReservationEntity.ROWS.insertFromArrays()
          + "), idempotency_keys as ("
          + IdempotencyKeyEntity.ROWS.insertFromArrays()
          + "), events as ("
          + OutboxEventEntity.ROWS.insertFromArrays()
          + ") "
          + StockMovementEntity.ROWS.insertFromArrays();

  /**
   * Writes new customers, and new orders, reservations, keys and outbox events in any mix, and
   * applies {@code stock}.
   *
   * @throws BatchStock.StockMoved when stock no longer covers what the batch took; the caller's
   *     transaction must roll back
   */
  static void write(
      Connection c, List<CustomerEntity> customers, List<Object> entities, BatchStock stock)
      throws SQLException {
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
    List<CustomerEntity.AddressRow> addresses = new ArrayList<>();
    customers.forEach(customer -> addresses.addAll(customer.addressRows()));
    List<OrderLineEntity.Row> lines = new ArrayList<>();
    orders.forEach(o -> o.lines().forEach(l -> lines.add(new OrderLineEntity.Row(l, o.id()))));
    if (JdbcBatch.isPostgres(c)) {
      writeAtOnce(c, customers, addresses, orders, lines, reservations, keys, events, stock);
      return;
    }
    JdbcBatch.insert(c, CustomerEntity.ROWS, customers);
    JdbcBatch.insert(c, CustomerEntity.ADDRESS_ROWS, addresses);
    JdbcBatch.insert(c, OrderEntity.ROWS, orders);
    JdbcBatch.insert(c, OrderLineEntity.ROWS, lines);
    JdbcBatch.insert(c, ReservationEntity.ROWS, reservations);
    JdbcBatch.insert(c, IdempotencyKeyEntity.ROWS, keys);
    JdbcBatch.insert(c, OutboxEventEntity.ROWS, events);
    stock.apply(c);
  }

  private static void writeAtOnce(
      Connection c,
      List<CustomerEntity> customers,
      List<CustomerEntity.AddressRow> addresses,
      List<OrderEntity> orders,
      List<OrderLineEntity.Row> lines,
      List<ReservationEntity> reservations,
      List<IdempotencyKeyEntity> keys,
      List<OutboxEventEntity> events,
      BatchStock stock)
      throws SQLException {
    List<OutboxEventEntity> allEvents = new ArrayList<>(events);
    allEvents.addAll(stock.events());
    Set<StockKey> updated = new HashSet<>();

    try (PreparedStatement ps = c.prepareStatement(WRITE_AT_ONCE)) {
      int next = stock.bindLockAndReserve(ps, 1);
      next = CustomerEntity.ROWS.bindArrays(ps, next, customers);
      next = CustomerEntity.ADDRESS_ROWS.bindArrays(ps, next, addresses);
      next = OrderEntity.ROWS.bindArrays(ps, next, orders);
      next = OrderLineEntity.ROWS.bindArrays(ps, next, lines);
      next = ReservationEntity.ROWS.bindArrays(ps, next, reservations);
      next = IdempotencyKeyEntity.ROWS.bindArrays(ps, next, keys);
      next = OutboxEventEntity.ROWS.bindArrays(ps, next, allEvents);
      StockMovementEntity.ROWS.bindArrays(ps, next, stock.movements());
      // the driver sends the four statements at once: the locked rows come first (nothing to
      // read), then the update's rows
      ps.execute();
      ps.getMoreResults();
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) {
          updated.add(new StockKey(rs.getString(1), rs.getString(2)));
        }
      }
      while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
        // the setting and the inserts: nothing to read
      }
    }
    stock.requireReserved(updated);
  }
}
