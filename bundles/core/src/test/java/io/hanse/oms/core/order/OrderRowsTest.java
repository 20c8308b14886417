package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.PersonalizationField;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Json;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.payment.Gateways;
import io.hanse.oms.core.payment.PaymentExecutor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch writes new orders over JDBC ({@link OrderRows}, each entity's {@code INSERT}); taken
 * alone, Hibernate writes them from the mapping. Both must store the same rows, column for column,
 * so that a column added to an entity and forgotten in its insert fails here.
 */
class OrderRowsTest {
  private TestDatabase db;
  private Transactions tx;

  /** The database the test runs on: Derby here, PostgreSQL in {@link OrderRowsOnPostgresTest}. */
  TestDatabase database() {
    return new TestDatabase();
  }

  @BeforeEach
  void setUp() {
    db = database();
    tx = new Transactions(db);
    CatalogServiceImpl catalog = new CatalogServiceImpl(tx);
    InventoryServiceImpl inventory = new InventoryServiceImpl(tx);
    inventory.putLocation(
        "WH", new LocationSpec("Warehouse", LocationType.WAREHOUSE, Set.of("web")));
    catalog.putTemplate(
        new PersonalizationTemplate(
            "MONO", "Monogram", List.of(new PersonalizationField("initials", 3, "A-Z", true))));
    catalog.putProduct("A", spec(List.of(), null));
    catalog.putProduct("P", spec(List.of(), "MONO"));
    catalog.putProduct("K", spec(List.of(new SkuQuantity("A", 2)), null));
    inventory.adjust(new StockAdjustment("A", "WH", 50, "test"), "test");
    inventory.adjust(new StockAdjustment("P", "WH", 50, "test"), "test");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private static ProductSpec spec(List<SkuQuantity> components, String template) {
    return new ProductSpec(
        "Product", Money.of("12.50", "EUR"), null, Map.of(), components, false, template);
  }

  private static OrderSubmission submission(String externalId) {
    return new OrderSubmission(
        "web",
        externalId,
        "SPRING",
        null,
        // quotes, a backslash, a comma, braces and the word NULL: texts as PostgreSQL's arrays
        // must quote them
        new CustomerRef(
            "c-" + externalId + "@example.com", "C. \"Quote\" Customer\\, {1}", "+49 40 123"),
        new Address("Deichstr. 1", "NULL", "Hamburg", "HH", "20459", "DE"),
        List.of(
            new OrderLineRequest("P", 1, Map.of("initials", "HJK")),
            new OrderLineRequest("K", 1, Map.of()),
            new OrderLineRequest("A", 2, Map.of())),
        List.of());
  }

  @Test
  void aBatchStoresTheRowsHibernateWouldStore() throws Exception {
    OrderServiceImpl alone =
        new OrderServiceImpl(tx, new Gateways(), new PaymentExecutor(tx, new Gateways()), 1);
    String aloneId = alone.place(submission("X1"), "k1", "agent").order().id();

    OrderIntake intake = new OrderIntake(tx, 64, false);
    List<OrderIntake.Request> requests = new ArrayList<>();
    for (String id : List.of("X2", "X3")) {
      OrderSubmission s = submission(id);
      requests.add(
          new OrderIntake.Request(
              s, new IdempotencyKeyEntity.Id("agent", "k" + id), Json.hash(s), "agent", null));
    }
    List<CompletableFuture<Object>> answers = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(requests.size());
    requests.forEach(
        r -> answers.add(CompletableFuture.supplyAsync(() -> intake.submit(r), clients)));
    while (intake.waitingCount() < requests.size()) {
      Thread.sleep(5);
    }
    intake.start();
    Object outcome = answers.get(0).get();
    answers.get(1).get();
    intake.stop();
    clients.shutdown();
    assertThat(outcome).isInstanceOf(PlacementResult.class);
    String batchId = ((PlacementResult) outcome).order().id();
    // times are left out of the comparison below; they must still read back as written
    Order answered = ((PlacementResult) outcome).order();
    Order stored = alone.get(batchId);
    assertThat(Duration.between(answered.createdAt(), stored.createdAt()).abs())
        .isLessThan(Duration.ofMillis(1));

    String order = "select * from oms_order where id = ?";
    String[] own = {"id", "external_id", "customer_id", "customer_email"};
    assertThat(rows(order, batchId, own)).isEqualTo(rows(order, aloneId, own)).hasSize(1);
    String customerOf =
        "select c.email from oms_order o join oms_customer c on c.id = o.customer_id"
            + " where o.id = ?";
    assertThat(rows(customerOf, batchId)).containsExactly(Map.of("email", "c-x2@example.com"));
    String lines = "select * from oms_order_line where order_id = ? order by line_no";
    assertThat(rows(lines, batchId, "id", "order_id"))
        .isEqualTo(rows(lines, aloneId, "id", "order_id"))
        .hasSize(3);
    String reservations =
        "select * from oms_reservation where order_id = ? order by line_no, sku, location";
    assertThat(rows(reservations, batchId, "id", "order_id"))
        .isEqualTo(rows(reservations, aloneId, "id", "order_id"))
        .hasSize(3);
    String movements = "select * from oms_stock_movement where order_id = ? order by sku, location";
    assertThat(rows(movements, batchId, "id", "order_id"))
        .isEqualTo(rows(movements, aloneId, "id", "order_id"))
        .hasSize(2);
    String keys = "select * from oms_idempotency_key where order_id = ?";
    assertThat(rows(keys, batchId, "idem_key", "order_id", "request_hash"))
        .isEqualTo(rows(keys, aloneId, "idem_key", "order_id", "request_hash"))
        .hasSize(1);
    // each order's customer is new: the batch writes it and its address as Hibernate would
    String customers = "select * from oms_customer where email = ?";
    assertThat(rows(customers, "c-x2@example.com", "id", "email", "search_text"))
        .isEqualTo(rows(customers, "c-x1@example.com", "id", "email", "search_text"))
        .hasSize(1);
    String addresses =
        "select a.* from oms_customer_address a join oms_customer c on c.id = a.customer_id"
            + " where c.email = ? order by a.position";
    assertThat(rows(addresses, "c-x2@example.com", "customer_id"))
        .isEqualTo(rows(addresses, "c-x1@example.com", "customer_id"))
        .hasSize(1);
    String placed =
        "select topic, published_at, attempts, last_error from oms_outbox"
            + " where payload like ? and topic like '%/order/%'";
    assertThat(rows(placed, "%" + batchId + "%")).isEqualTo(rows(placed, "%" + aloneId + "%"));
  }

  /**
   * The rows a query finds, each as its columns by lower-case name, without the named ones (ids and
   * the like) and without times, which differ by when each was written.
   */
  private List<Map<String, Object>> rows(String sql, String parameter, String... without) {
    Set<String> left = Set.of(without);
    return db.txExpr(
        em ->
            em.unwrap(Session.class)
                .doReturningWork(
                    c -> {
                      List<Map<String, Object>> found = new ArrayList<>();
                      try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, parameter);
                        try (ResultSet rs = ps.executeQuery()) {
                          ResultSetMetaData meta = rs.getMetaData();
                          while (rs.next()) {
                            Map<String, Object> row = new TreeMap<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                              String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                              if (!left.contains(name) && !name.endsWith("_at")) {
                                row.put(name, rs.getObject(i));
                              }
                            }
                            found.add(row);
                          }
                        }
                      }
                      return found;
                    }));
  }
}
