package io.hanse.oms.core.order;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.inventory.StockLedger;
import io.hanse.oms.core.inventory.StockLedger.Grant;
import io.hanse.oms.core.outbox.Outbox;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When stock arrives (a receipt, a positive count, a release), backordered order lines that need
 * that SKU are reserved, oldest order first; an order with nothing left to wait for becomes
 * confirmed. It reacts to the outbox's stock events, so it runs after the change committed, and
 * running it twice for one event does no harm.
 */
@Component(
    service = EventHandler.class,
    property = EventConstants.EVENT_TOPIC + "=" + OmsTopics.STOCK_CHANGED)
public class BackorderAllocator implements EventHandler {
  static final String USER = "backorders";
  private static final Logger LOG = LoggerFactory.getLogger(BackorderAllocator.class);
  private static final Set<String> ARRIVALS = Set.of("RECEIPT", "ADJUSTMENT", "RELEASE", "RETURN");

  private final Transactions tx;

  @Activate
  public BackorderAllocator(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void handleEvent(Event event) {
    Object movement = event.getProperty("movement");
    Object delta = event.getProperty("onHandDelta");
    boolean arrival =
        movement != null
            && ARRIVALS.contains(movement.toString())
            && !(movement.equals("ADJUSTMENT") && delta instanceof Number n && n.intValue() <= 0);
    if (arrival) {
      allocate((String) event.getProperty(OmsTopics.SKU));
    }
  }

  /** Allocates waiting orders for one SKU; returns how many orders it reserved anything for. */
  public int allocate(String sku) {
    List<String> orderIds = tx.read(em -> waitingOrders(em, sku));
    int served = 0;
    for (String id : orderIds) {
      try {
        served += tx.write(em -> allocateOrder(em, id)) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("Could not allocate backorders of order {}: {}", id, e.toString());
      }
    }
    return served;
  }

  /**
   * Backordered orders waiting for the SKU, oldest first. The status index finds the few
   * backordered orders, so a stock change costs one cheap query when nothing waits.
   */
  private static List<String> waitingOrders(EntityManager em, String sku) {
    return em
        .createQuery(
            "select o from OrderEntity o where o.status = :status order by o.createdAt",
            OrderEntity.class)
        .setParameter("status", OrderStatus.BACKORDERED)
        .getResultList()
        .stream()
        .filter(o -> o.lines().stream().anyMatch(l -> l.backordered() > 0 && needs(l, sku)))
        .map(OrderEntity::id)
        .toList();
  }

  private static boolean needs(OrderLineEntity line, String sku) {
    return line.sku().equals(sku)
        || line.kitComponents().stream().anyMatch(c -> c.sku().equals(sku));
  }

  private static boolean allocateOrder(EntityManager em, String orderId) {
    OrderEntity order = em.find(OrderEntity.class, orderId);
    if (order == null || order.status() != OrderStatus.BACKORDERED) {
      return false;
    }
    List<String> locations = InventoryServiceImpl.locationCodes(em, order.department());
    StockLedger ledger = new StockLedger(em, USER, orderId);
    List<ReservationEntity> held =
        em.createQuery(
                "select r from ReservationEntity r where r.orderId = :id", ReservationEntity.class)
            .setParameter("id", orderId)
            .getResultList();
    boolean any = false;
    for (OrderLineEntity line : order.lines()) {
      if (line.backordered() == 0) {
        continue;
      }
      List<SkuQuantity> parts =
          line.kitComponents().isEmpty()
              ? List.of(new SkuQuantity(line.sku(), 1))
              : line.kitComponents();
      int wholeUnits = Integer.MAX_VALUE;
      for (SkuQuantity part : parts) {
        int have =
            held.stream()
                .filter(r -> r.lineNo() == line.lineNo() && r.sku().equals(part.sku()))
                .mapToInt(ReservationEntity::quantity)
                .sum();
        int want = line.open() * part.quantity() - have;
        if (want > 0) {
          for (Grant g : ledger.reserveUpTo(part.sku(), want, locations)) {
            em.persist(
                new ReservationEntity(
                    orderId, line.lineNo(), part.sku(), g.location(), g.quantity()));
            have += g.quantity();
          }
        }
        wholeUnits = Math.min(wholeUnits, have / part.quantity());
      }
      int newlyReserved = Math.min(wholeUnits, line.open()) - line.reserved();
      if (newlyReserved > 0) {
        line.allocate(newlyReserved);
        any = true;
      }
    }
    if (any) {
      order.allocated();
      Outbox.append(em, OmsTopics.ORDER_CHANGED, OrderServiceImpl.event(order));
    }
    return any;
  }
}
