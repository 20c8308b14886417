package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients on several channels race for the last units; exactly what is there is sold. */
class ConcurrencyIT {
  private static final int CLIENTS = 16;
  private static final List<String> CHANNELS = List.of("web", "shopify", "pos", "phone");
  private final Api admin = Api.admin();

  @Test
  void theLastUnitsOfASkuAreSoldExactlyOnce() throws Exception {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, sku, location, 30);

    Map<Integer, AtomicInteger> statuses =
        race(160, i -> Fixtures.order(CHANNELS.get(i % 4), "race@example.com", sku, 1));

    assertThat(statuses.keySet()).containsOnly(201, 409);
    assertThat(statuses.get(201).get()).isEqualTo(30);
    JsonNode stock = admin.get("/stock/" + sku).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(30);
    assertThat(stock.path("reserved").asInt()).isEqualTo(30);
    assertThat(stock.path("available").asInt()).isZero();
    int reservedInLog = 0;
    for (JsonNode m : admin.get("/stock/" + sku + "/movements?limit=1000").json()) {
      reservedInLog += m.path("reservedDelta").asInt();
    }
    assertThat(reservedInLog).isEqualTo(30);
  }

  @Test
  void kitsAndTheirComponentsCannotBeOversold() throws Exception {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String mug = Fixtures.product(admin, "1.00", false);
    String candle = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, mug, location, 21);
    Fixtures.stock(admin, candle, location, 9);
    String kit = Fixtures.kit(admin, "3.00", Map.of(mug, 2, candle, 1));

    Map<Integer, AtomicInteger> kits =
        race(60, i -> Fixtures.order(CHANNELS.get(i % 4), "kit@example.com", kit, 1));
    assertThat(kits.get(201).get()).isEqualTo(9);
    assertThat(admin.get("/stock/" + kit).json().path("available").asInt()).isZero();

    // Three mugs are left over; mug orders and kit orders race for them.
    Map<Integer, AtomicInteger> mixed =
        race(
            40,
            i ->
                i % 2 == 0
                    ? Fixtures.order("web", "mix@example.com", kit, 1)
                    : Fixtures.order("pos", "mix@example.com", mug, 1, mug, 1));
    assertThat(mixed.keySet()).containsOnly(201, 409);
    JsonNode mugs = admin.get("/stock/" + mug).json();
    JsonNode candles = admin.get("/stock/" + candle).json();
    assertThat(mugs.path("reserved").asInt()).isLessThanOrEqualTo(21);
    assertThat(mugs.path("available").asInt()).isEqualTo(1);
    assertThat(candles.path("available").asInt()).isZero();
    assertThat(mixed.get(201).get()).isEqualTo(1);
  }

  private Map<Integer, AtomicInteger> race(
      int orders, java.util.function.IntFunction<Map<String, Object>> body) throws Exception {
    Api api = Api.as("channel", "channel");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < orders; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  int status = api.post("/orders", body.apply(n)).status();
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return statuses;
  }
}
