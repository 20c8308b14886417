package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A server killed in the middle of taking orders loses none it accepted. */
class DurabilityIT {

  @Test
  void everyAcceptedOrderSurvivesAKill() throws Exception {
    boolean postgres = "postgres".equals(System.getProperty("hanse.it.db"));
    String databaseUrl =
        postgres
            ? HanseServer.createPostgresDatabase()
            : "jdbc:derby:"
                + new File(System.getProperty("hanse.it.workdir", "target/exam"), "durable-db")
                    .getAbsolutePath()
                + ";create=true";
    HanseServer first = HanseServer.boot("durability-1", databaseUrl);
    Api admin = Api.admin().on(first);
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, sku, location, 10_000);
    String email = Api.unique("durable").toLowerCase(java.util.Locale.ROOT) + "@example.com";

    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    Api channel = Api.as("channel", "channel").on(first);
    for (int c = 0; c < 8; c++) {
      futures.add(
          clients.submit(
              () -> {
                while (running.get()) {
                  try {
                    Api.Reply r = channel.post("/orders", Fixtures.order("web", email, sku, 1));
                    if (r.status() == 201) {
                      accepted.add(r.json().path("id").asText());
                    }
                  } catch (RuntimeException connectionLost) {
                    return;
                  }
                }
              }));
    }
    while (accepted.size() < 150) {
      Thread.sleep(20);
    }
    first.kill();
    running.set(false);
    for (Future<?> f : futures) {
      f.get();
    }
    clients.shutdown();
    first.stop(); // the process is gone; this releases what Pax Exam holds in this JVM

    HanseServer second = HanseServer.boot("durability-2", databaseUrl);
    try {
      Api after = Api.admin().on(second);
      for (String id : accepted) {
        assertThat(after.get("/orders/" + id).status()).as("order " + id).isEqualTo(200);
      }
      int stored = 0;
      for (int page = 0; ; page++) {
        var p = after.get("/orders?size=200&page=" + page + "&customer=" + email).json();
        stored += p.path("items").size();
        if (!p.path("hasMore").asBoolean()) {
          break;
        }
      }
      // Orders whose answer the kill cut off may exist too, but stock and orders agree exactly.
      assertThat(stored).isGreaterThanOrEqualTo(accepted.size());
      var stock = after.get("/stock/" + sku).json();
      assertThat(stock.path("reserved").asInt()).isEqualTo(stored);
      assertThat(stock.path("onHand").asInt()).isEqualTo(10_000);
      Api.Reply more =
          Api.as("channel", "channel")
              .on(second)
              .post("/orders", Fixtures.order("web", email, sku, 1));
      assertThat(more.status()).isEqualTo(201);
    } finally {
      second.stop();
      if (postgres) {
        HanseServer.dropPostgresDatabase(databaseUrl);
      }
    }
  }
}
