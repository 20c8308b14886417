package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Json;
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

/**
 * Group commit: orders gathered before the writer starts are taken in one batch, whatever it cannot
 * settle is handed back, and the one-order path then gives the answer taking it alone would give.
 */
class OrderIntakeTest {
  private TestDatabase db;
  private Transactions tx;
  private InventoryServiceImpl inventory;
  private OrderServiceImpl orders;
  private OrderIntake intake;
  private ExecutorService clients;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    tx = new Transactions(db);
    CatalogServiceImpl catalog = new CatalogServiceImpl(tx);
    inventory = new InventoryServiceImpl(tx);
    orders = new OrderServiceImpl(tx);
    inventory.putLocation(
        "WH", new LocationSpec("Warehouse", LocationType.WAREHOUSE, Set.of("web")));
    for (String sku : List.of("A", "B")) {
      catalog.putProduct(
          sku,
          new ProductSpec(
              "P " + sku, Money.of("10.00", "EUR"), null, Map.of(), List.of(), false, null));
    }
    inventory.adjust(new StockAdjustment("A", "WH", 6, "test"), "test");
    inventory.adjust(new StockAdjustment("B", "WH", 100, "test"), "test");
    intake = new OrderIntake(tx, 64, false);
    clients = Executors.newFixedThreadPool(16);
  }

  @AfterEach
  void tearDown() {
    clients.shutdownNow();
    intake.stop();
    db.close();
  }

  private static OrderSubmission order(String externalId, String email, String sku) {
    return new OrderSubmission(
        "web",
        externalId,
        null,
        null,
        new CustomerRef(email, "Someone", null),
        null,
        List.of(new OrderLineRequest(sku, 1, Map.of())));
  }

  private static OrderIntake.Request request(OrderSubmission s, String key) {
    return new OrderIntake.Request(
        s,
        key == null ? null : new IdempotencyKeyEntity.Id("agent", key),
        Json.hash(s),
        "agent",
        null);
  }

  /** Submits every request from its own thread, starts the writer once all wait: one batch. */
  private List<Object> inOneBatch(List<OrderIntake.Request> requests) throws Exception {
    List<Future<Object>> answers = new ArrayList<>();
    for (OrderIntake.Request r : requests) {
      answers.add(clients.submit(() -> intake.submit(r)));
    }
    while (intake.waitingCount() < requests.size()) {
      Thread.sleep(5);
    }
    intake.start();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> a : answers) {
      outcomes.add(a.get());
    }
    return outcomes;
  }

  private long count(String entity) {
    return db.txExpr(
        em ->
            em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
  }

  @Test
  void aBatchTakesWhatStockCoversAndHandsBackTheRest() throws Exception {
    List<OrderIntake.Request> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      requests.add(request(order("A" + i, "a" + i + "@example.com", "A"), "ka" + i));
    }
    // two orders of one new customer, and a replay of the first order within the same batch
    requests.add(request(order("B1", "new@example.com", "B"), null));
    requests.add(request(order("B2", "New@Example.com", "B"), null));
    requests.add(request(order("A0", "a0@example.com", "A"), "ka0"));

    long events = count("OutboxEventEntity");
    List<Object> outcomes = inOneBatch(requests);

    List<PlacementResult> taken =
        outcomes.stream()
            .filter(PlacementResult.class::isInstance)
            .map(PlacementResult.class::cast)
            .toList();
    assertThat(taken).hasSize(8).noneMatch(PlacementResult::replayed);
    assertThat(outcomes.stream().filter(o -> o == OrderIntake.Alone.LOOK_FIRST)).hasSize(5);
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(6);
    assertThat(inventory.stock("B", null).reserved()).isEqualTo(2);
    assertThat(count("OrderEntity")).isEqualTo(8);
    assertThat(count("IdempotencyKeyEntity")).isEqualTo(6);
    // one movement per order, one stock event per SKU and location, one placed event per order
    assertThat(inventory.movements("A", 100)).hasSize(1 + 6);
    assertThat(count("OutboxEventEntity") - events).isEqualTo(2 + 8);
    String newCustomer =
        db.txExpr(
            em ->
                em.createQuery(
                        "select c.id from CustomerEntity c where c.email = 'new@example.com'",
                        String.class)
                    .getSingleResult());
    assertThat(taken)
        .filteredOn(p -> p.order().externalId().startsWith("B"))
        .hasSize(2)
        .allMatch(p -> p.order().customerId().equals(newCustomer));

    // handed back: taken alone, each gets the answer it would have got alone
    for (int i = 0; i < requests.size(); i++) {
      if (outcomes.get(i) != OrderIntake.Alone.LOOK_FIRST) {
        continue;
      }
      OrderIntake.Request r = requests.get(i);
      String key = r.key() == null ? null : r.key().key();
      boolean isTaken =
          taken.stream().anyMatch(p -> p.order().externalId().equals(r.submission().externalId()));
      if (isTaken) {
        assertThat(orders.place(r.submission(), key, "agent").replayed()).isTrue();
      } else {
        assertThatThrownBy(() -> orders.place(r.submission(), key, "agent"))
            .isInstanceOf(InsufficientStockException.class);
      }
    }
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(6);
    assertThat(count("OrderEntity")).isEqualTo(8);
  }

  @Test
  void aBatchThatFailsChangesNothingAndHandsEveryOrderBack() throws Exception {
    PlacementResult earlier = orders.place(order("E1", "e@example.com", "B"), "k1", "agent");
    long events = count("OutboxEventEntity");

    // the replay's key is refused by its unique key at commit: the whole batch rolls back
    List<Object> outcomes =
        inOneBatch(
            List.of(
                request(order("E1", "e@example.com", "B"), "k1"),
                request(order("E2", "f@example.com", "B"), "k2"),
                request(order("E3", "g@example.com", "A"), null)));

    assertThat(outcomes).containsOnly(OrderIntake.Alone.LOOK_FIRST);
    assertThat(count("OrderEntity")).isEqualTo(1);
    assertThat(count("CustomerEntity")).isEqualTo(1);
    assertThat(count("OutboxEventEntity")).isEqualTo(events);
    assertThat(inventory.stock("B", null).reserved()).isEqualTo(1);
    assertThat(inventory.stock("A", null).reserved()).isZero();

    PlacementResult replay = orders.place(order("E1", "e@example.com", "B"), "k1", "agent");
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.order().id()).isEqualTo(earlier.order().id());
    assertThat(orders.place(order("E2", "f@example.com", "B"), "k2", "agent").replayed()).isFalse();
  }
}
