package io.hanse.oms.core.inventory;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.InsufficientStockException.Shortage;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Every change of stock goes through here, inside the caller's transaction: one conditional UPDATE
 * whose row count says whether it held, one movement in the log and one outbox event. The
 * conditions are re-checked by the database after it waits for the row lock, so concurrent orders
 * on any number of nodes cannot oversell; the table's CHECK constraint backs this up.
 */
public final class StockLedger implements StockReservations {

  /** Units of a SKU taken from one location. */
  public record Grant(String location, int quantity) {}

  private final EntityManager em;
  private final String user;
  private final String orderId;

  public StockLedger(EntityManager em, String user, String orderId) {
    this.em = em;
    this.user = user;
    this.orderId = orderId;
  }

  /**
   * Reserves up to {@code quantity} of a SKU across {@code locations}, the fullest first. Returns
   * what it got, which may be less than asked when stock is short.
   */
  public List<Grant> reserveUpTo(String sku, int quantity, Collection<String> locations) {
    return reserveUpTo(
        sku, quantity, availability(List.of(sku), locations).getOrDefault(sku, List.of()));
  }

  /**
   * What each SKU has available per location, fullest location first: one query for all the SKUs of
   * an order. It is only a guide; the conditional update decides.
   */
  @Override
  public Map<String, List<Grant>> availability(
      Collection<String> skus, Collection<String> locations) {
    Map<String, List<Grant>> bySku = new HashMap<>();
    if (locations.isEmpty() || skus.isEmpty()) {
      return bySku;
    }
    em.createQuery(
            "select s.key.sku, s.key.location, s.onHand - s.reserved from StockLevelEntity s"
                + " where s.key.sku in :skus and s.key.location in :locations"
                + " and s.onHand - s.reserved > 0"
                + " order by s.onHand - s.reserved desc, s.key.location",
            Object[].class)
        .setParameter("skus", InLists.padded(skus))
        .setParameter("locations", InLists.padded(locations))
        .getResultList()
        .forEach(
            row ->
                bySku
                    .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new Grant((String) row[1], ((Number) row[2]).intValue())));
    return bySku;
  }

  /** Reserves up to {@code quantity} from the locations of an availability snapshot. */
  @Override
  public List<Grant> reserveUpTo(String sku, int quantity, List<Grant> snapshot) {
    List<Grant> grants = new ArrayList<>();
    int remaining = quantity;
    for (Grant seen : snapshot) {
      String location = seen.location();
      int available = seen.quantity();
      while (remaining > 0 && available > 0) {
        int take = Math.min(remaining, available);
        if (tryReserve(sku, location, take)) {
          grants.add(new Grant(location, take));
          remaining -= take;
          break;
        }
        // Someone reserved in between: look again at what is left here.
        available = available(sku, location);
      }
      if (remaining == 0) {
        break;
      }
    }
    return grants;
  }

  /** The quantity that could be reserved now at a location. */
  public int available(String sku, String location) {
    List<Integer> rows =
        em.createQuery(
                "select s.onHand - s.reserved from StockLevelEntity s"
                    + " where s.key.sku = :sku and s.key.location = :location",
                Integer.class)
            .setParameter("sku", sku)
            .setParameter("location", location)
            .getResultList();
    return rows.isEmpty() ? 0 : rows.get(0);
  }

  private boolean tryReserve(String sku, String location, int quantity) {
    int updated =
        em.createQuery(
                "update StockLevelEntity s set s.reserved = s.reserved + :q, s.updatedAt = :now"
                    + " where s.key.sku = :sku and s.key.location = :location"
                    + " and s.onHand - s.reserved >= :q")
            .setParameter("q", quantity)
            .setParameter("now", Instant.now())
            .setParameter("sku", sku)
            .setParameter("location", location)
            .executeUpdate();
    if (updated == 1) {
      record(sku, location, MovementType.RESERVATION, 0, quantity, "order");
    }
    return updated == 1;
  }

  /** Gives reserved units back to available stock. */
  public void release(String sku, String location, int quantity, String reason) {
    int updated =
        em.createQuery(
                "update StockLevelEntity s set s.reserved = s.reserved - :q, s.updatedAt = :now"
                    + " where s.key.sku = :sku and s.key.location = :location"
                    + " and s.reserved >= :q")
            .setParameter("q", quantity)
            .setParameter("now", Instant.now())
            .setParameter("sku", sku)
            .setParameter("location", location)
            .executeUpdate();
    requireUpdated(updated, sku, location, "release");
    record(sku, location, MovementType.RELEASE, 0, -quantity, reason);
  }

  /** Reserved units leave the building: on hand and reserved both go down. */
  public void ship(String sku, String location, int quantity) {
    int updated =
        em.createQuery(
                "update StockLevelEntity s set s.onHand = s.onHand - :q,"
                    + " s.reserved = s.reserved - :q, s.updatedAt = :now"
                    + " where s.key.sku = :sku and s.key.location = :location"
                    + " and s.reserved >= :q and s.onHand >= :q")
            .setParameter("q", quantity)
            .setParameter("now", Instant.now())
            .setParameter("sku", sku)
            .setParameter("location", location)
            .executeUpdate();
    requireUpdated(updated, sku, location, "ship");
    record(sku, location, MovementType.SHIPMENT, -quantity, -quantity, "shipment");
  }

  /**
   * Changes stock on hand by {@code delta} (a receipt, count or return). A decrease may not take on
   * hand below what is reserved.
   *
   * @throws InsufficientStockException when it would
   */
  public LocationStock changeOnHand(
      String sku, String location, int delta, MovementType type, String reason) {
    StockKey key = new StockKey(sku, location);
    if (delta > 0 && em.find(StockLevelEntity.class, key) == null) {
      em.persist(new StockLevelEntity(key));
      em.flush();
    }
    int updated =
        em.createQuery(
                "update StockLevelEntity s set s.onHand = s.onHand + :d, s.updatedAt = :now"
                    + " where s.key.sku = :sku and s.key.location = :location"
                    + " and s.onHand + :d >= s.reserved")
            .setParameter("d", delta)
            .setParameter("now", Instant.now())
            .setParameter("sku", sku)
            .setParameter("location", location)
            .executeUpdate();
    if (updated == 0) {
      throw new InsufficientStockException(
          List.of(new Shortage(sku, -delta, Math.max(available(sku, location), 0))));
    }
    record(sku, location, type, delta, 0, reason);
    return current(key);
  }

  /** Sets the quantity held back from channels at a location. */
  public LocationStock setSafetyStock(String sku, String location, int quantity) {
    StockKey key = new StockKey(sku, location);
    if (em.find(StockLevelEntity.class, key) == null) {
      em.persist(new StockLevelEntity(key));
      em.flush();
    }
    em.createQuery(
            "update StockLevelEntity s set s.safetyStock = :q, s.updatedAt = :now"
                + " where s.key.sku = :sku and s.key.location = :location")
        .setParameter("q", quantity)
        .setParameter("now", Instant.now())
        .setParameter("sku", sku)
        .setParameter("location", location)
        .executeUpdate();
    Outbox.append(
        em, OmsTopics.STOCK_CHANGED, Map.of(OmsTopics.SKU, sku, OmsTopics.LOCATION, location));
    return current(key);
  }

  private LocationStock current(StockKey key) {
    StockLevelEntity level = em.find(StockLevelEntity.class, key);
    em.refresh(level);
    return level.toLocationStock();
  }

  private void requireUpdated(int updated, String sku, String location, String what) {
    if (updated != 1) {
      // The order's reservation rows and the stock level disagree: a bug, never a user error.
      throw new IllegalStateException(
          "cannot " + what + " " + sku + " at " + location + ": reservation missing");
    }
  }

  private void record(
      String sku, String location, MovementType type, int onHand, int reserved, String reason) {
    em.persist(
        new StockMovementEntity(sku, location, type, onHand, reserved, reason, user, orderId));
    Outbox.append(
        em,
        OmsTopics.STOCK_CHANGED,
        Map.of(
            OmsTopics.SKU,
            sku,
            OmsTopics.LOCATION,
            location,
            "movement",
            type.name(),
            "onHandDelta",
            onHand,
            "reservedDelta",
            reserved));
  }
}
