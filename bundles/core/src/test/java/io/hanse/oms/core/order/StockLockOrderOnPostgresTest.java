package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.PurchaseOrderSpec;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.inventory.SupplierItem;
import io.hanse.oms.api.inventory.SupplierSpec;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.inventory.PurchasingServiceImpl;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cancellation, a shipment and a receipt change their stock rows in key order (SKU, then
 * location), as a batch of new orders locks them, whatever the order of their lines: so two of them
 * never deadlock (on PostgreSQL a deadlock costs a second, on Derby twenty, before one gives way).
 * Each operation here lists B before A; while another transaction holds A's row, the operation must
 * wait for A without having taken B.
 */
class StockLockOrderOnPostgresTest {
  private TestDatabase db;
  private InventoryServiceImpl inventory;
  private OrderServiceImpl orders;
  private PurchasingServiceImpl purchasing;

  @BeforeEach
  void setUp() {
    db = TestDatabase.postgres();
    CatalogServiceImpl catalog = new CatalogServiceImpl(new Transactions(db));
    inventory = new InventoryServiceImpl(new Transactions(db));
    orders = new OrderServiceImpl(new Transactions(db));
    purchasing = new PurchasingServiceImpl(new Transactions(db));
    inventory.putLocation(
        "WH", new LocationSpec("Warehouse", LocationType.WAREHOUSE, Set.of("web")));
    for (String sku : List.of("A", "B")) {
      catalog.putProduct(
          sku,
          new ProductSpec(
              "P " + sku, Money.of("10.00", "EUR"), null, Map.of(), List.of(), false, null));
      inventory.adjust(new StockAdjustment(sku, "WH", 10, "test"), "test");
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private Order placeBThenA() {
    return orders
        .place(
            new OrderSubmission(
                "web",
                "E-" + System.nanoTime(),
                null,
                null,
                new CustomerRef("c@example.com", "C", null),
                null,
                List.of(
                    new OrderLineRequest("B", 1, Map.of()),
                    new OrderLineRequest("A", 1, Map.of()))),
            null,
            "agent")
        .order();
  }

  @Test
  void aCancellationReleasesInKeyOrder() throws Exception {
    Order order = placeBThenA();
    waitsForAFirst(() -> orders.cancel(order.id(), "changed my mind", "agent"));
    assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(inventory.stock("A", null).reserved()).isZero();
    assertThat(inventory.stock("B", null).reserved()).isZero();
  }

  @Test
  void aShipmentTakesStockInKeyOrder() throws Exception {
    Order order = placeBThenA();
    waitsForAFirst(
        () ->
            orders.ship(
                order.id(),
                new ShipmentRequest(
                    List.of(new SkuQuantity("B", 1), new SkuQuantity("A", 1)), "DHL", "T1"),
                "wh"));
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(9);
    assertThat(inventory.stock("B", null).onHand()).isEqualTo(9);
  }

  @Test
  void aReceiptAddsStockInKeyOrder() throws Exception {
    purchasing.putSupplier(
        "S1",
        new SupplierSpec(
            "Supplier",
            "s@example.com",
            List.of(
                new SupplierItem("A", "S-A", Money.of("5.00", "EUR")),
                new SupplierItem("B", "S-B", Money.of("5.00", "EUR")))));
    String po =
        purchasing
            .createPurchaseOrder(
                new PurchaseOrderSpec(
                    "S1", "WH", List.of(new SkuQuantity("B", 5), new SkuQuantity("A", 5))),
                "buyer")
            .id();
    waitsForAFirst(
        () ->
            purchasing.receive(
                po, List.of(new SkuQuantity("B", 5), new SkuQuantity("A", 5)), "buyer"));
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(15);
    assertThat(inventory.stock("B", null).onHand()).isEqualTo(15);
  }

  /**
   * Runs {@code operation} while another transaction holds A's stock row; once the operation waits
   * for it, B's row must still be free (it would be locked had the operation gone in line order).
   */
  private void waitsForAFirst(Runnable operation) throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> holder =
          pool.submit(
              () ->
                  db.tx(
                      em -> {
                        em.createNativeQuery(
                                "select sku from oms_stock_level"
                                    + " where sku = 'A' and location = 'WH' for update")
                            .getResultList();
                        held.countDown();
                        await(release);
                      }));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> running = pool.submit(operation);
      awaitSomeoneWaitingForStock();
      List<?> free =
          db.txExpr(
              em ->
                  em.createNativeQuery(
                          "select sku from oms_stock_level"
                              + " where sku = 'B' and location = 'WH' for update skip locked")
                      .getResultList());
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      running.get(30, TimeUnit.SECONDS);
      assertThat(free).as("B's row while the operation waits for A's").hasSize(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** Until a statement on the stock table waits for a lock (the operation, blocked on A). */
  private void awaitSomeoneWaitingForStock() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      long waiting =
          db.txExpr(
              em ->
                  ((Number)
                          em.createNativeQuery(
                                  "select count(*) from pg_stat_activity"
                                      + " where datname = current_database()"
                                      + " and wait_event_type = 'Lock'"
                                      + " and query like '%oms_stock_level%'")
                              .getSingleResult())
                      .longValue());
      if (waiting > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the operation never waited for A's stock row");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
