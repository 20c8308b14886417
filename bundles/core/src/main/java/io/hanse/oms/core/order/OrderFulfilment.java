package io.hanse.oms.core.order;

import static io.hanse.oms.core.inventory.StockKey.LOCK_ORDER;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.core.inventory.StockKey;
import io.hanse.oms.core.inventory.StockLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Moves an order's reserved stock: out with a shipment, or back when it is cancelled. The stock
 * rows change in {@link StockKey#LOCK_ORDER}, as in a batch of new orders, so that a cancellation
 * or a shipment and a batch reserving the same SKUs never deadlock.
 */
final class OrderFulfilment {
  private final EntityManager em;
  private final OrderEntity order;
  private final StockLedger ledger;
  private final String user;

  OrderFulfilment(EntityManager em, String user, OrderEntity order) {
    this.em = em;
    this.user = user;
    this.order = order;
    this.ledger = new StockLedger(em, user, order.id());
  }

  /** Releases every unit the order still holds. */
  void releaseAll(String reason) {
    List<ReservationEntity> reservations = new ArrayList<>(reservations());
    reservations.sort(Comparator.comparing(r -> new StockKey(r.sku(), r.location()), LOCK_ORDER));
    for (ReservationEntity r : reservations) {
      if (r.quantity() > 0) {
        ledger.release(r.sku(), r.location(), r.quantity(), reason);
      }
      em.remove(r);
    }
  }

  /**
   * Ships reserved units of the requested SKUs, line by line in order.
   *
   * @throws ConflictException when a SKU is not on the order or ships more than is reserved
   */
  ShipmentEntity ship(ShipmentRequest request) {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    request.lines().forEach(l -> wanted.merge(l.sku(), l.quantity(), Integer::sum));
    Map<OrderLineEntity, Integer> plan = new LinkedHashMap<>();
    wanted.forEach(
        (sku, quantity) -> {
          int remaining = quantity;
          int reserved = 0;
          for (OrderLineEntity line : order.lines()) {
            if (line.sku().equals(sku)) {
              reserved += line.reserved();
              int units = Math.min(remaining, line.reserved());
              if (units > 0) {
                plan.put(line, units);
                remaining -= units;
              }
            }
          }
          if (remaining > 0) {
            throw new ConflictException(
                "cannot ship "
                    + quantity
                    + " of "
                    + sku
                    + ": "
                    + reserved
                    + " reserved on this order");
          }
        });
    List<ReservationEntity> reservations = reservations();
    List<Shipped> moves = new ArrayList<>();
    plan.forEach((line, units) -> shipLine(line, units, reservations, moves));
    moves.sort(Comparator.comparing(Shipped::key, LOCK_ORDER));
    moves.forEach(m -> ledger.ship(m.key().sku(), m.key().location(), m.quantity()));
    List<SkuQuantity> shipped = new ArrayList<>();
    wanted.forEach((sku, q) -> shipped.add(new SkuQuantity(sku, q)));
    return new ShipmentEntity(
        order.id(), request.carrier(), request.trackingNumber(), shipped, user);
  }

  /** Units leaving a stock row, applied once the whole shipment is planned. */
  private record Shipped(StockKey key, int quantity) {}

  private void shipLine(
      OrderLineEntity line, int units, List<ReservationEntity> reservations, List<Shipped> moves) {
    List<SkuQuantity> parts =
        line.kitComponents().isEmpty()
            ? List.of(new SkuQuantity(line.sku(), 1))
            : line.kitComponents();
    for (SkuQuantity part : parts) {
      int needed = units * part.quantity();
      for (ReservationEntity r : reservations) {
        if (needed == 0) {
          break;
        }
        if (r.lineNo() == line.lineNo() && r.sku().equals(part.sku()) && r.quantity() > 0) {
          int taken = r.take(needed);
          moves.add(new Shipped(new StockKey(r.sku(), r.location()), taken));
          needed -= taken;
          if (r.quantity() == 0) {
            em.remove(r);
          }
        }
      }
      if (needed > 0) {
        throw new IllegalStateException(
            "order " + order.id() + " line " + line.lineNo() + " lacks reserved " + part.sku());
      }
    }
    line.ship(units);
  }

  private List<ReservationEntity> reservations() {
    return em.createQuery(
            "select r from ReservationEntity r where r.orderId = :id order by r.lineNo, r.sku",
            ReservationEntity.class)
        .setParameter("id", order.id())
        .getResultList();
  }
}
