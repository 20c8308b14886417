package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.pricing.PriceCalculator;
import io.hanse.oms.api.pricing.PricedLine;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Json;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.payment.Gateways;
import io.hanse.oms.core.payment.PaymentExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** The database the test runs on: Derby here, PostgreSQL in {@link OrderIntakeOnPostgresTest}. */
  TestDatabase database() {
    return new TestDatabase();
  }

  @BeforeEach
  void setUp() {
    db = database();
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
    // one movement per order, one placed event per order, and one stock event per SKU and
    // location, both in one outbox row for the batch
    assertThat(inventory.movements("A", 100)).hasSize(1 + 6);
    assertThat(count("OutboxEventEntity") - events).isEqualTo(1 + 8);
    String stockRow =
        db.txExpr(
            em ->
                em.createQuery(
                        "select e.payload from OutboxEventEntity e where e.topic = :topic"
                            + " order by e.createdAt desc",
                        String.class)
                    .setParameter("topic", OmsTopics.STOCK_CHANGED)
                    .setMaxResults(1)
                    .getSingleResult());
    assertThat(stockRow).contains("\"sku\":\"A\"").contains("\"sku\":\"B\"");
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
  void kitsInABatchReserveTheirComponentsWithoutALoadPerKit() throws Exception {
    CatalogServiceImpl catalog = new CatalogServiceImpl(tx);
    catalog.putProduct(
        "K1",
        new ProductSpec(
            "Kit 1",
            Money.of("15.00", "EUR"),
            null,
            Map.of(),
            List.of(new SkuQuantity("A", 1), new SkuQuantity("B", 2)),
            false,
            null));
    catalog.putProduct(
        "K2",
        new ProductSpec(
            "Kit 2",
            Money.of("25.00", "EUR"),
            null,
            Map.of(),
            List.of(new SkuQuantity("B", 3)),
            false,
            null));
    List<OrderIntake.Request> requests =
        List.of(
            request(order("K1a", "k1@example.com", "K1"), "kk1"),
            request(order("K2a", "k2@example.com", "K2"), "kk2"),
            request(order("K1b", "k3@example.com", "K1"), "kk3"),
            request(order("Ba", "k4@example.com", "B"), "kk4"));
    db.statistics().clear();

    List<Object> outcomes = inOneBatch(requests);

    long componentLoads = db.statistics().getCollectionFetchCount();
    assertThat(outcomes).allMatch(PlacementResult.class::isInstance);
    assertThat(componentLoads).as("components come with their kits").isZero();
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
    assertThat(inventory.stock("B", null).reserved()).isEqualTo(2 + 3 + 2 + 1);
  }

  private static OrderSubmission order(String externalId, CustomerRef customer) {
    return new OrderSubmission(
        "web",
        externalId,
        null,
        null,
        customer,
        null,
        List.of(new OrderLineRequest("B", 1, Map.of())));
  }

  /**
   * A batch reads customers as copies: a known customer's missing phone, given by an order of the
   * batch, is still stored (never a name it had), and a new customer's second order in the same
   * batch finds the customer its first order created.
   */
  @Test
  void aBatchCompletesKnownCustomersAndSharesNewOnes() throws Exception {
    orders.place(order("H0", new CustomerRef("h@example.com", "Hanna", null)), null, "agent");

    List<Object> outcomes =
        inOneBatch(
            List.of(
                request(order("H1", new CustomerRef("H@example.com", "Other", "+49 40 1")), "kh1"),
                request(order("N1", new CustomerRef("n@example.com", null, null)), "kn1"),
                request(order("N2", new CustomerRef("n@example.com", "Nina", "+49 40 2")), "kn2")));

    assertThat(outcomes).allMatch(PlacementResult.class::isInstance);
    List<Object[]> customers =
        db.txExpr(
            em ->
                em.createQuery(
                        "select c.email, c.name, c.phone from CustomerEntity c order by c.email",
                        Object[].class)
                    .getResultList());
    assertThat(customers)
        .containsExactly(
            new Object[] {"h@example.com", "Hanna", "+49 40 1"},
            new Object[] {"n@example.com", "Nina", "+49 40 2"});
    assertThat(outcomes.subList(1, 3))
        .map(o -> ((PlacementResult) o).order().customerId())
        .containsOnly(((PlacementResult) outcomes.get(1)).order().customerId());
  }

  @Test
  void aRetryOfAStoredOrderGoesAloneAndTheRestOfTheBatchIsTaken() throws Exception {
    PlacementResult earlier = orders.place(order("E1", "e@example.com", "B"), "k1", "agent");

    List<Object> outcomes =
        inOneBatch(
            List.of(
                request(order("E1", "e@example.com", "B"), "k1"),
                request(order("E2", "f@example.com", "B"), "k2"),
                request(order("E3", "g@example.com", "A"), null)));

    assertThat(outcomes.get(0)).isEqualTo(OrderIntake.Alone.LOOK_FIRST);
    assertThat(outcomes.subList(1, 3)).allMatch(PlacementResult.class::isInstance);
    assertThat(count("OrderEntity")).isEqualTo(3);
    PlacementResult replay = orders.place(order("E1", "e@example.com", "B"), "k1", "agent");
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.order().id()).isEqualTo(earlier.order().id());
  }

  /**
   * While the batch prices its first order, a stock count takes all of A: the batch's conditional
   * update finds too little, and the whole batch rolls back and hands every order back. (The batch
   * locks its stock rows only when it writes, so the count does not wait for it.)
   */
  @Test
  void stockTakenDuringABatchFailsItWhole() throws Exception {
    long events = count("OutboxEventEntity");
    AtomicBoolean stockTaken = new AtomicBoolean();
    PriceCalculator meanwhile =
        request -> {
          if (stockTaken.compareAndSet(false, true)) {
            Thread counter =
                new Thread(
                    () -> inventory.adjust(new StockAdjustment("A", "WH", -6, "count"), "counter"));
            counter.start();
            try {
              counter.join();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          }
          return request.lines().stream()
              .map(l -> new PricedLine(l.sku(), l.listPrice(), l.listPrice().times(l.quantity())))
              .toList();
        };
    List<OrderIntake.Request> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      OrderSubmission s = order("F" + i, "f" + i + "@example.com", i == 2 ? "B" : "A");
      requests.add(new OrderIntake.Request(s, null, Json.hash(s), "agent", meanwhile));
    }

    List<Object> outcomes = inOneBatch(requests);

    assertThat(outcomes).containsOnly(OrderIntake.Alone.LOOK_FIRST);
    assertThat(count("OrderEntity")).isZero();
    assertThat(count("CustomerEntity")).isZero();
    assertThat(count("OutboxEventEntity") - events).isEqualTo(1); // the count's stock event
    assertThat(inventory.stock("A", null).reserved()).isZero();
    assertThat(inventory.stock("B", null).reserved()).isZero();
    // alone, each gets its own answer
    assertThatThrownBy(() -> orders.place(order("F0", "f0@example.com", "A"), null, "agent"))
        .isInstanceOf(InsufficientStockException.class);
    assertThat(orders.place(order("F2", "f2@example.com", "B"), null, "agent").replayed())
        .isFalse();
  }

  @Test
  void aBatchThatFailsChangesNothingAndHandsEveryOrderBack() throws Exception {
    // an order stored earlier; its external id sent again without an idempotency key is refused
    // by the unique key only when the batch writes, failing the whole batch
    orders.place(order("G0", "g0@example.com", "B"), null, "agent");
    long events = count("OutboxEventEntity");

    List<Object> outcomes =
        inOneBatch(
            List.of(
                request(order("G1", "g1@example.com", "A"), "kg1"),
                request(order("G0", "g0@example.com", "B"), null),
                request(order("G2", "new-g2@example.com", "B"), "kg2")));

    assertThat(outcomes).containsOnly(OrderIntake.Alone.LOOK_FIRST);
    assertThat(count("OrderEntity")).isEqualTo(1);
    assertThat(count("IdempotencyKeyEntity")).isZero();
    assertThat(count("CustomerEntity")).isEqualTo(1);
    assertThat(count("OutboxEventEntity")).isEqualTo(events);
    assertThat(inventory.stock("A", null).reserved()).isZero();
    assertThat(inventory.stock("B", null).reserved()).isEqualTo(1);
    // alone, each gets its own answer: the stored order again, or taken
    assertThat(orders.place(order("G0", "g0@example.com", "B"), null, "agent").replayed()).isTrue();
    assertThat(orders.place(order("G1", "g1@example.com", "A"), "kg1", "agent").replayed())
        .isFalse();
  }

  /**
   * A writer told to stop while it prices its batch finishes the batch, and its order is answered
   * from it: had the order's thread taken it alone meanwhile, an order without key or external id
   * would be stored twice.
   */
  @Test
  void aWriterStoppedDuringItsBatchFinishesItFirst() throws Exception {
    CountDownLatch pricing = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    PriceCalculator slow =
        request -> {
          pricing.countDown();
          while (true) {
            try {
              go.await(); // deaf to the stop's interrupt, as a slow calculator may be
              break;
            } catch (InterruptedException stopping) {
              // wait on
            }
          }
          return request.lines().stream()
              .map(l -> new PricedLine(l.sku(), l.listPrice(), l.listPrice().times(l.quantity())))
              .toList();
        };
    OrderSubmission s =
        new OrderSubmission(
            "web",
            null,
            null,
            null,
            new CustomerRef("s@example.com", "S", null),
            null,
            List.of(new OrderLineRequest("B", 1, Map.of())));
    OrderIntake.Request r = new OrderIntake.Request(s, null, Json.hash(s), "agent", slow);
    Future<Object> answer = clients.submit(() -> intake.submit(r));
    while (intake.waitingCount() < 1) {
      Thread.sleep(5);
    }
    intake.start();
    pricing.await();
    Thread stopper = new Thread(intake::stop);
    stopper.start();
    Thread.sleep(400); // the order's thread looks at its writer every 100 ms
    go.countDown();
    stopper.join();

    assertThat(answer.get()).isInstanceOf(PlacementResult.class);
    assertThat(count("OrderEntity")).isEqualTo(1);
  }

  @Test
  void anInterruptedRequestIsWithdrawnAndNeverTakenByABatch() throws Exception {
    OrderIntake.Request r = request(order("I1", "i@example.com", "B"), "ki");
    Thread[] client = new Thread[1];
    Future<Object> answer =
        clients.submit(
            () -> {
              client[0] = Thread.currentThread();
              return intake.submit(r);
            });
    while (intake.waitingCount() < 1) {
      Thread.sleep(5);
    }
    client[0].interrupt();
    assertThat(answer.get()).isEqualTo(OrderIntake.Alone.FIRST_ATTEMPT);
    intake.start();
    assertThat(intake.waitingCount()).isZero();
    Thread.sleep(600); // a writer's poll
    assertThat(count("OrderEntity")).isZero();
  }

  /**
   * Sixteen clients, two writers writing their batches at once, thirty customers: orders of A, or
   * of A and B, until A runs out. Every unit of A goes to exactly one order, none is oversold, no
   * batch waits for ever on another's rows, and no customer is created twice.
   */
  @Test
  void concurrentOrdersThroughTwoWritersNeverOversell() throws Exception {
    inventory.adjust(new StockAdjustment("A", "WH", 34, "test"), "test"); // 40 of A, 100 of B
    OrderServiceImpl batching =
        new OrderServiceImpl(tx, new Gateways(), new PaymentExecutor(tx, new Gateways()), 64, 2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 90; i++) {
        String id = "R" + i;
        List<String> skus = i % 3 == 2 ? List.of("A") : List.of("A", "B");
        OrderSubmission s =
            new OrderSubmission(
                i % 2 == 0 ? "web" : "amazon",
                id,
                null,
                null,
                new CustomerRef("r" + (i % 30) + "@example.com", "Someone", null),
                null,
                skus.stream().map(sku -> new OrderLineRequest(sku, 1, Map.of())).toList());
        results.add(
            clients.submit(
                () -> {
                  try {
                    batching.place(s, "k" + id, "race");
                    return skus;
                  } catch (InsufficientStockException e) {
                    return List.of();
                  }
                }));
      }
      int unitsOfA = 0;
      int unitsOfB = 0;
      int accepted = 0;
      Set<Integer> customers = new HashSet<>();
      for (int i = 0; i < results.size(); i++) {
        List<String> taken = results.get(i).get(60, TimeUnit.SECONDS);
        if (!taken.isEmpty()) {
          accepted++;
          customers.add(i % 30);
        }
        unitsOfA += taken.contains("A") ? 1 : 0;
        unitsOfB += taken.contains("B") ? 1 : 0;
      }
      assertThat(unitsOfA).isEqualTo(40);
      assertThat(inventory.stock("A", null).reserved()).isEqualTo(40);
      assertThat(inventory.stock("B", null).reserved()).isEqualTo(unitsOfB);
      assertThat(count("OrderEntity")).isEqualTo(accepted);
      assertThat(count("IdempotencyKeyEntity")).isEqualTo(accepted);
      assertThat(count("CustomerEntity")).isEqualTo(customers.size());
    } finally {
      batching.deactivate();
    }
  }
}
