package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.IdempotencyKeyReusedException;
import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order path on a real (in-memory Derby) database, without OSGi. */
class OrderServiceTest {
  private TestDatabase db;
  private CatalogServiceImpl catalog;
  private InventoryServiceImpl inventory;
  private OrderServiceImpl orders;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    catalog = new CatalogServiceImpl(new Transactions(db));
    inventory = new InventoryServiceImpl(new Transactions(db));
    orders = new OrderServiceImpl(new Transactions(db));
    inventory.putLocation(
        "WH", new LocationSpec("Warehouse", LocationType.WAREHOUSE, Set.of("web")));
    inventory.putLocation("ST", new LocationSpec("Store", LocationType.STORE, Set.of("store")));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private void product(String sku, int stock, boolean backorderable, SkuQuantity... components) {
    catalog.putProduct(
        sku,
        new ProductSpec(
            "P " + sku,
            Money.of("10.00", "EUR"),
            null,
            Map.of(),
            List.of(components),
            backorderable,
            null));
    if (stock > 0) {
      inventory.adjust(new StockAdjustment(sku, "WH", stock, "test"), "test");
    }
  }

  private static OrderSubmission order(String externalId, Object... skuQuantity) {
    List<OrderLineRequest> lines = new ArrayList<>();
    for (int i = 0; i < skuQuantity.length; i += 2) {
      lines.add(
          new OrderLineRequest((String) skuQuantity[i], (Integer) skuQuantity[i + 1], Map.of()));
    }
    return new OrderSubmission(
        "web", externalId, null, null, new CustomerRef("c@example.com", "C", null), null, lines);
  }

  private long outboxCount() {
    return db.txExpr(
        em ->
            em.createQuery("select count(e) from OutboxEventEntity e", Long.class)
                .getSingleResult());
  }

  @Test
  void placingReservesAndWritesEvents() {
    product("A", 5, false);
    long before = outboxCount();
    Order order = orders.place(order("E1", "A", 2), null, "agent").order();
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order.total()).isEqualTo(Money.of("20.00", "EUR"));
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
    assertThat(outboxCount() - before).isEqualTo(2); // stock changed + order placed
  }

  @Test
  void aRefusedOrderLeavesNoTrace() {
    product("A", 5, false);
    product("B", 1, false);
    long before = outboxCount();
    assertThatThrownBy(() -> orders.place(order("E1", "A", 2, "B", 2), null, "agent"))
        .isInstanceOf(InsufficientStockException.class);
    assertThat(inventory.stock("A", null).reserved()).isZero();
    assertThat(inventory.movements("A", 10)).hasSize(1); // only the opening adjustment
    assertThat(outboxCount()).isEqualTo(before);
  }

  @Test
  void onlyLocationsOfTheDepartmentAreUsed() {
    product("A", 0, false);
    inventory.adjust(new StockAdjustment("A", "ST", 5, "test"), "test");
    assertThatThrownBy(() -> orders.place(order("E1", "A", 1), null, "agent"))
        .isInstanceOf(InsufficientStockException.class);
    OrderSubmission pos =
        new OrderSubmission(
            "pos",
            "P1",
            null,
            null,
            new CustomerRef("c@example.com", null, null),
            null,
            List.of(new OrderLineRequest("A", 1, Map.of())));
    assertThat(orders.place(pos, null, "till").order().department()).isEqualTo("store");
  }

  @Test
  void idempotencyKeysReplayAndRefuseMisuse() {
    product("A", 5, false);
    PlacementResult first = orders.place(order("E1", "A", 1), "k1", "agent");
    PlacementResult again = orders.place(order("E1", "A", 1), "k1", "agent");
    assertThat(again.replayed()).isTrue();
    assertThat(again.order().id()).isEqualTo(first.order().id());
    assertThatThrownBy(() -> orders.place(order("E2", "A", 1), "k1", "agent"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    // another caller may use the same key for its own request
    assertThat(orders.place(order("E3", "A", 1), "k1", "other").replayed()).isFalse();
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
  }

  @Test
  void aReplayOfAnOrderThatTookTheLastUnitsReturnsThatOrder() {
    product("A", 2, false);
    PlacementResult first = orders.place(order("E1", "A", 2), "k1", "agent");
    PlacementResult byKey = orders.place(order("E1", "A", 2), "k1", "agent");
    PlacementResult byExternalId = orders.place(order("E1", "A", 2), null, "agent");
    assertThat(byKey.replayed()).isTrue();
    assertThat(byKey.order().id()).isEqualTo(first.order().id());
    assertThat(byExternalId.replayed()).isTrue();
    assertThat(byExternalId.order().id()).isEqualTo(first.order().id());
    assertThatThrownBy(() -> orders.place(order("E9", "A", 2), "k1", "agent"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThatThrownBy(() -> orders.place(order("E9", "A", 2), null, "agent"))
        .isInstanceOf(InsufficientStockException.class);
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
  }

  @Test
  void concurrentOrdersNeverOversell() throws Exception {
    product("A", 25, false);
    product("K", 0, false, new SkuQuantity("A", 2));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String sku = i % 3 == 0 ? "K" : "A";
      int units = sku.equals("K") ? 2 : 1;
      String id = "R" + i;
      results.add(
          pool.submit(
              () -> {
                try {
                  orders.place(order(id, sku, 1), null, "race");
                  return units;
                } catch (InsufficientStockException e) {
                  return 0;
                }
              }));
    }
    int acceptedUnits = 0;
    for (Future<Integer> f : results) {
      acceptedUnits += f.get();
    }
    pool.shutdown();
    var stock = inventory.stock("A", null);
    // 80 units were asked for 25: every refusal saw fewer than 2 left, and nothing was released.
    assertThat(stock.reserved()).isEqualTo(acceptedUnits).isBetween(24, 25);
    assertThat(stock.available()).isEqualTo(25 - acceptedUnits).isNotNegative();
  }

  @Test
  void backordersAreAllocatedWhenStockArrives() {
    product("B", 2, true);
    product("C", 1, false);
    Order waiting = orders.place(order("E1", "B", 5, "C", 1), null, "agent").order();
    assertThat(waiting.status()).isEqualTo(OrderStatus.BACKORDERED);
    BackorderAllocator allocator = new BackorderAllocator(new Transactions(db));
    assertThat(allocator.allocate("B")).isZero(); // nothing new arrived
    inventory.adjust(new StockAdjustment("B", "WH", 2, "delivery"), "wh");
    assertThat(allocator.allocate("B")).isEqualTo(1);
    assertThat(orders.get(waiting.id()).status()).isEqualTo(OrderStatus.BACKORDERED);
    assertThat(orders.get(waiting.id()).lines().get(0).reserved()).isEqualTo(4);
    inventory.adjust(new StockAdjustment("B", "WH", 3, "delivery"), "wh");
    allocator.allocate("B");
    Order confirmed = orders.get(waiting.id());
    assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(confirmed.lines().get(0).backordered()).isZero();
    assertThat(inventory.stock("B", null).available()).isEqualTo(2);
  }

  @Test
  void shippingAndCancellingMoveStock() {
    product("A", 5, false);
    Order order = orders.place(order("E1", "A", 3), null, "agent").order();
    Order shipped =
        orders.ship(
            order.id(), new ShipmentRequest(List.of(new SkuQuantity("A", 1)), "DHL", "T1"), "wh");
    assertThat(shipped.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(4);
    Order other = orders.place(order("E2", "A", 2), null, "agent").order();
    assertThat(orders.cancel(other.id(), null, "agent").status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
  }

  @Test
  void aChannelOrderWithProblemsIsHeldReservingWhatItCan() {
    product("A", 5, false);
    Order held =
        orders
            .takeOnHold(order("H1", "A", 2), List.of("missing shipping address"), "channel:x")
            .order();
    assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(held.holdReason()).isEqualTo("missing shipping address");
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
    assertThat(orders.release(held.id(), "agent").status()).isEqualTo(OrderStatus.CONFIRMED);

    PlacementResult again =
        orders.takeOnHold(order("H1", "A", 2), List.of("missing shipping address"), "channel:x");
    assertThat(again.replayed()).isTrue();
    assertThat(again.order().id()).isEqualTo(held.id());
  }

  @Test
  void anUnknownOrShortSkuIsHeldUnreservedAndTakenOnRelease() {
    product("A", 1, false);
    Order held =
        orders.takeOnHold(order("H2", "A", 1, "NEW", 2), List.of("unknown SKU"), "c").order();
    assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(held.holdReason()).contains("unknown sku: NEW");
    assertThat(held.lines()).extracting(l -> l.reserved()).containsExactly(0, 0);
    assertThat(held.total()).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(inventory.stock("A", null).reserved()).isZero();

    assertThatThrownBy(() -> orders.release(held.id(), "agent"))
        .hasMessageContaining("unknown sku: NEW");
    assertThat(orders.get(held.id()).status()).isEqualTo(OrderStatus.ON_HOLD);

    product("NEW", 1, false);
    assertThatThrownBy(() -> orders.release(held.id(), "agent"))
        .isInstanceOf(InsufficientStockException.class);
    inventory.adjust(new StockAdjustment("NEW", "WH", 1, "found"), "test");
    Order taken = orders.release(held.id(), "agent");
    assertThat(taken.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(taken.holdReason()).isNull();
    assertThat(taken.lines()).extracting(l -> l.reserved()).containsExactly(1, 2);
    assertThat(taken.total()).isEqualTo(Money.of("30.00", "EUR"));
    assertThat(inventory.stock("NEW", null).reserved()).isEqualTo(2);
    assertThat(orders.findByExternalId("web", "H2")).map(Order::id).contains(held.id());
  }

  @Test
  void aStoreSaleTakesStockAtTheStoreAtOnceAndOnlyOnce() {
    product("A", 0, false);
    inventory.adjust(new StockAdjustment("A", "ST", 3, "count"), "test");
    inventory.adjust(new StockAdjustment("A", "WH", 10, "count"), "test");
    OrderSubmission sale =
        new OrderSubmission(
            "hamburg",
            "S-1",
            null,
            "store",
            new CustomerRef("walk-in@hamburg.pos.invalid", null, null),
            null,
            List.of(new OrderLineRequest("A", 2, Map.of())));
    Order recorded = orders.recordSale(sale, "ST", "channel:hamburg").order();
    assertThat(recorded.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(recorded.shipments()).hasSize(1);
    assertThat(recorded.shipments().get(0).carrier()).isEqualTo("in-store");
    assertThat(inventory.stock("A", null).locations())
        .extracting(l -> l.location() + "=" + l.onHand() + "/" + l.reserved())
        .containsExactlyInAnyOrder("ST=1/0", "WH=10/0");

    assertThat(orders.recordSale(sale, "ST", "channel:hamburg").replayed()).isTrue();
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(11);

    OrderSubmission tooMuch =
        new OrderSubmission(
            "hamburg",
            "S-2",
            null,
            "store",
            sale.customer(),
            null,
            List.of(new OrderLineRequest("A", 2, Map.of())));
    // the store has 1 by its record and sold 2: the sale is held there, reserving nothing anywhere
    Order held = orders.recordSale(tooMuch, "ST", "channel:hamburg").order();
    assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
    assertThat(held.holdReason()).contains("store sale at ST not covered");
    assertThat(inventory.stock("A", null).reserved()).isZero();
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(11);
    // the shelf is counted, the record corrected, and the sale taken there when released
    inventory.adjust(new StockAdjustment("A", "ST", 1, "count"), "test");
    Order taken = orders.release(held.id(), "manager");
    assertThat(taken.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(inventory.stock("A", "store").onHand()).isZero();
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(10);

    inventory.returnToStock(
        "ST", List.of(new SkuQuantity("A", 1)), "return R-1", "channel:hamburg");
    assertThat(inventory.stock("A", "store").onHand()).isEqualTo(1);
    assertThat(inventory.movements("A", 1).get(0).type())
        .isEqualTo(io.hanse.oms.api.inventory.MovementType.RETURN);
  }
}
