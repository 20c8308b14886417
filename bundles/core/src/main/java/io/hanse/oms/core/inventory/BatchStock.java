package io.hanse.oms.core.inventory;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.JdbcBatch;
import io.hanse.oms.core.internal.JdbcReads;
import io.hanse.oms.core.inventory.StockLedger.Grant;
import io.hanse.oms.core.outbox.Outbox;
import io.hanse.oms.core.outbox.OutboxEventEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stock of a batch of orders taken in one transaction. It reads what the batch's SKUs have
 * available once, lets each order of the batch reserve from that snapshot in turn (an order that
 * cannot be served gives back what it took), and at the end applies what the accepted orders took
 * in one round of conditional updates, one per SKU and location, in key order.
 *
 * <p>The snapshot is only a guide, as for a single order: each update still requires {@code on_hand
 * - reserved} to cover what it adds, so stock changed meanwhile by anyone else makes {@link
 * #apply()} fail and the batch roll back whole; its orders are then taken one by one.
 */
public final class BatchStock implements StockReservations {

  /** Thrown by {@link #apply()} when a stock row no longer covers what the batch took from it. */
  public static final class StockMoved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StockMoved(StockKey key) {
      super("stock of " + key.sku() + " at " + key.location() + " changed during the batch");
    }
  }

  private record Taken(StockKey key, int quantity) {}

  private final Map<StockKey, Integer> available = new HashMap<>();
  private final Map<StockKey, Integer> reserved = new TreeMap<>(StockKey.LOCK_ORDER);
  private final List<Taken> current = new ArrayList<>();
  private final List<StockMovementEntity> movements = new ArrayList<>();

  /**
   * The query of what {@code skus} have available at {@code locations}, for the batch to run with
   * its other reads ({@link JdbcReads#together}); empty when there is nothing to read. Until it
   * ran, nothing is available.
   */
  public Optional<JdbcReads.Read> reading(Collection<String> skus, Collection<String> locations) {
    if (skus.isEmpty() || locations.isEmpty()) {
      return Optional.empty();
    }
    List<String> skuList = InLists.padded(skus);
    List<String> locationList = InLists.padded(locations);
    return Optional.of(
        new JdbcReads.Read(
            "select sku, location, on_hand - reserved from oms_stock_level"
                + " where sku in ("
                + InLists.placeholders(skuList.size())
                + ") and location in ("
                + InLists.placeholders(locationList.size())
                + ") and on_hand - reserved > 0",
            (ps, first) -> InLists.bind(ps, InLists.bind(ps, first, skuList), locationList),
            rs -> {
              available.put(new StockKey(rs.getString(1), rs.getString(2)), rs.getInt(3));
            }));
  }

  @Override
  public Map<String, List<Grant>> availability(
      Collection<String> skus, Collection<String> locations) {
    Map<String, List<Grant>> bySku = new HashMap<>();
    for (String sku : skus) {
      List<Grant> grants = new ArrayList<>();
      for (String location : locations) {
        int units = available.getOrDefault(new StockKey(sku, location), 0);
        if (units > 0) {
          grants.add(new Grant(location, units));
        }
      }
      // fullest first, as the database's availability query orders them
      grants.sort(
          Comparator.comparingInt(Grant::quantity).reversed().thenComparing(Grant::location));
      if (!grants.isEmpty()) {
        bySku.put(sku, grants);
      }
    }
    return bySku;
  }

  @Override
  public List<Grant> reserveUpTo(String sku, int quantity, List<Grant> snapshot) {
    List<Grant> grants = new ArrayList<>();
    int remaining = quantity;
    for (Grant seen : snapshot) {
      StockKey key = new StockKey(sku, seen.location());
      int take = Math.min(remaining, available.getOrDefault(key, 0));
      if (take > 0) {
        available.merge(key, -take, Integer::sum);
        current.add(new Taken(key, take));
        grants.add(new Grant(seen.location(), take));
        remaining -= take;
      }
      if (remaining == 0) {
        break;
      }
    }
    return grants;
  }

  /** The order reserving now was refused: what it took is available to the next one. */
  public void refuseCurrent() {
    current.forEach(t -> available.merge(t.key(), t.quantity(), Integer::sum));
    current.clear();
  }

  /** The order reserving now was taken: keep what it took, and its movements, for the batch. */
  public void acceptCurrent(String user, String orderId) {
    for (Taken t : current) {
      movements.add(
          new StockMovementEntity(
              t.key().sku(),
              t.key().location(),
              MovementType.RESERVATION,
              0,
              t.quantity(),
              "order",
              user,
              orderId));
      reserved.merge(t.key(), t.quantity(), Integer::sum);
    }
    current.clear();
  }

  /**
   * Reserves what the accepted orders took: one batched conditional update per SKU and location, in
   * key order so that concurrent writers lock rows in one order; then writes each order's movements
   * and one stock event per SKU and location. Call it once the batch's orders are written.
   *
   * @throws StockMoved when a row no longer covers it; the caller's transaction must roll back
   */
  public void apply(Connection connection) throws SQLException {
    if (reserved.isEmpty()) {
      return;
    }
    List<StockKey> keys = new ArrayList<>(reserved.keySet());
    int[] counts;
    try (PreparedStatement update =
        connection.prepareStatement(
            "update oms_stock_level set reserved = reserved + ?, updated_at = ?"
                + " where sku = ? and location = ? and on_hand - reserved >= ?")) {
      Timestamp now = Timestamp.from(Instant.now());
      for (StockKey key : keys) {
        int q = reserved.get(key);
        update.setInt(1, q);
        update.setTimestamp(2, now);
        update.setString(3, key.sku());
        update.setString(4, key.location());
        update.setInt(5, q);
        update.addBatch();
      }
      counts = update.executeBatch();
    }
    Set<StockKey> updated = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      // exactly one row each; anything else (0, or a driver's SUCCESS_NO_INFO) is not proof
      if (counts.length == keys.size() && counts[i] == 1) {
        updated.add(keys.get(i));
      }
    }
    requireReserved(updated);
    JdbcBatch.insert(connection, StockMovementEntity.ROWS, movements);
    JdbcBatch.insert(connection, OutboxEventEntity.ROWS, events());
  }

  /**
   * PostgreSQL: locks the rows the batch reserves from, in key order, until the commit; sent just
   * before {@link #RESERVE_FROM_ARRAYS}, whose join would lock them in whatever order its plan
   * meets them. So batches written at once on other connections or nodes that reserve the same
   * stock wait for each other in one order instead of deadlocking, and with the other paths that
   * change several stock rows ({@link StockKey#LOCK_ORDER}; {@code COLLATE "C"}: the same order
   * whatever the database's collation). ({@code NO KEY UPDATE}: the lock the update takes anyway.
   * Derby's {@link #apply} updates in key order.)
   */
  public static final String LOCK_IN_KEY_ORDER =
      "select s.sku from oms_stock_level s"
          + " join unnest(?::varchar[], ?::varchar[]) as k(sku, location)"
          + " on s.sku = k.sku and s.location = k.location"
          + " order by s.sku collate \"C\", s.location collate \"C\" for no key update of s";

  /**
   * PostgreSQL: the batch's conditional updates as one statement, from arrays of SKUs, locations
   * and quantities ({@link #bindReserveFromArrays}), returning the SKU and location of each row it
   * changed ({@link #requireReserved}). It is sent in one round trip with {@link
   * #LOCK_IN_KEY_ORDER} before it and the inserts of the batch's rows after it, {@link
   * #movements()} and {@link #events()} among them.
   */
  public static final String RESERVE_FROM_ARRAYS =
      "update oms_stock_level s set reserved = s.reserved + r.quantity, updated_at = ?"
          + " from unnest(?::varchar[], ?::varchar[], ?::integer[]) as r(sku, location, quantity)"
          + " where s.sku = r.sku and s.location = r.location"
          + " and s.on_hand - s.reserved >= r.quantity"
          + " returning s.sku, s.location";

  /**
   * Binds {@link #LOCK_IN_KEY_ORDER} and then {@link #RESERVE_FROM_ARRAYS} from parameter {@code
   * first} on; returns the next index.
   */
  public int bindLockAndReserve(PreparedStatement ps, int first) throws SQLException {
    String[] skus = new String[reserved.size()];
    String[] locations = new String[reserved.size()];
    Integer[] quantities = new Integer[reserved.size()];
    int i = 0;
    for (Map.Entry<StockKey, Integer> e : reserved.entrySet()) {
      skus[i] = e.getKey().sku();
      locations[i] = e.getKey().location();
      quantities[i++] = e.getValue();
    }
    // the driver sends Java arrays as PostgreSQL arrays: varchar[], int4[]
    ps.setObject(first, skus);
    ps.setObject(first + 1, locations);
    ps.setTimestamp(first + 2, Timestamp.from(Instant.now()));
    ps.setObject(first + 3, skus);
    ps.setObject(first + 4, locations);
    ps.setObject(first + 5, quantities);
    return first + 6;
  }

  /**
   * Checks that every SKU and location the batch reserved from was updated.
   *
   * @throws StockMoved for the first that was not; the caller's transaction must roll back
   */
  public void requireReserved(Set<StockKey> updated) {
    for (StockKey key : reserved.keySet()) {
      if (!updated.contains(key)) {
        throw new StockMoved(key);
      }
    }
  }

  /** The accepted orders' stock movements, one per order, SKU and location. */
  public List<StockMovementEntity> movements() {
    return movements;
  }

  /** The batch's stock events for listeners, one per SKU and location, in as few rows as fit. */
  public List<OutboxEventEntity> events() {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Map.Entry<StockKey, Integer> e : reserved.entrySet()) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put(OmsTopics.SKU, e.getKey().sku());
      event.put(OmsTopics.LOCATION, e.getKey().location());
      event.put("movement", MovementType.RESERVATION.name());
      event.put("onHandDelta", 0);
      event.put("reservedDelta", e.getValue());
      changes.add(event);
    }
    return Outbox.events(OmsTopics.STOCK_CHANGED, changes);
  }
}
