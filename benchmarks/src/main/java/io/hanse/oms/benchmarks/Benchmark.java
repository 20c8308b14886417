package io.hanse.oms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Order intake benchmark. Starts a fresh server (or targets one with --url), seeds a catalog,
 * places orders over REST from concurrent clients, checks what was stored, and writes the figures
 * as JSON and a markdown table to {@code results/}.
 *
 * <pre>
 * --db derby|postgres   database of a started server (default derby)
 * --url URL             benchmark a running server instead (e.g. http://localhost:8181/api/v1)
 * --clients N           concurrent clients (16)      --duration S   measured seconds (30)
 * --warmup S            unmeasured seconds first (10) --skus N       plain SKUs (2000)
 * --kits N              kits (50)                     --customers N  distinct customers (10000)
 * --port N              HTTP port of a started server (8281)
 * --preload-orders N    on PostgreSQL, first fill the database with N past orders (0)
 * --card-share F        share of orders paid by card through the vault and the simulator (0)
 * --out DIR             where results go (results)
 * --server-config C     settings for the started server's etc/ files, comma-separated
 *                       pid:key=value, e.g. io.hanse.oms.orders:intakeWriters=1
 * </pre>
 */
public final class Benchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    String db = opts.getOrDefault("db", "derby");
    int clients = Integer.parseInt(opts.getOrDefault("clients", "16"));
    double duration = Double.parseDouble(opts.getOrDefault("duration", "30"));
    double warmup = Double.parseDouble(opts.getOrDefault("warmup", "10"));
    int skus = Integer.parseInt(opts.getOrDefault("skus", "2000"));
    int kits = Integer.parseInt(opts.getOrDefault("kits", "50"));
    int customers = Integer.parseInt(opts.getOrDefault("customers", "10000"));
    int preload = Integer.parseInt(opts.getOrDefault("preload-orders", "0"));
    double cardShare = Double.parseDouble(opts.getOrDefault("card-share", "0"));
    Path base = Path.of(System.getProperty("hanse.benchmarks.dir", "."));
    Path out = base.resolve(opts.getOrDefault("out", "results"));

    ServerProcess server = null;
    ChannelProbe probe = null;
    String url = opts.get("url");
    if (url == null) {
      if (!"false".equals(opts.get("channel-probe"))) {
        probe = new ChannelProbe();
      }
      Path assembly =
          base.resolve(opts.getOrDefault("assembly", "../karaf-distribution/target/assembly"));
      System.out.printf("Starting a fresh server on %s ...%n", db);
      ChannelProbe prepared = probe;
      server =
          ServerProcess.start(
              assembly,
              base.resolve("target"),
              db,
              Integer.parseInt(opts.getOrDefault("port", "8281")),
              home -> {
                ServerProcess.configure(home, opts.getOrDefault("server-config", ""));
                if (prepared != null) {
                  prepared.prepare(home);
                }
              });
      url = server.baseUrl();
      System.out.printf("Ready after %.1f s%n", server.coldStartSeconds);
    } else {
      db = opts.getOrDefault("db", "unknown");
    }
    try {
      Map<String, Object> report =
          run(
              server, probe, url, db, clients, warmup, duration, skus, kits, customers, preload,
              cardShare);
      if (opts.containsKey("server-config")) {
        report.put("serverConfig", opts.get("server-config"));
      }
      Path written = Report.write(out, report);
      System.out.println(Report.markdown(report));
      System.out.println("Written to " + written);
    } finally {
      if (server != null) {
        server.close();
      }
      if (probe != null) {
        probe.close();
      }
    }
  }

  public static Map<String, Object> run(
      ServerProcess server,
      String url,
      String db,
      int clients,
      double warmup,
      double duration,
      int skuCount,
      int kitCount,
      int customers,
      int preloadOrders,
      double cardShare)
      throws Exception {
    return run(
        server,
        null,
        url,
        db,
        clients,
        warmup,
        duration,
        skuCount,
        kitCount,
        customers,
        preloadOrders,
        cardShare);
  }

  /**
   * @param probe when given, times stock changes on their way to a stub Shopify shop, during the
   *     load and after it
   */
  public static Map<String, Object> run(
      ServerProcess server,
      ChannelProbe probe,
      String url,
      String db,
      int clients,
      double warmup,
      double duration,
      int skuCount,
      int kitCount,
      int customers,
      int preloadOrders,
      double cardShare)
      throws Exception {
    Rest admin = new Rest(url, "admin", "admin");
    Rest channel = new Rest(url, "channel", "channel", Math.max(16, clients + 8));
    String runId = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);

    long seedStart = System.nanoTime();
    Catalog catalog = Catalog.seed(admin, runId, skuCount, kitCount, 3, 1_000_000, 8);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    System.out.printf("Seeded %d SKUs and %d kits in %.1f s%n", skuCount, kitCount, seedSeconds);
    int preloadCustomers = Math.max(1, preloadOrders / 10);
    double preloadSeconds = 0;
    if (preloadOrders > 0) {
      if (server == null || server.databaseUrl() == null) {
        throw new IllegalArgumentException("--preload-orders needs a started PostgreSQL server");
      }
      long t = System.nanoTime();
      Preload.orders(
          server.databaseUrl(),
          System.getProperty("user.name"),
          preloadOrders,
          preloadCustomers,
          catalog.skus.get(0));
      preloadSeconds = (System.nanoTime() - t) / 1e9;
      System.out.printf("Preloaded %d orders in %.1f s%n", preloadOrders, preloadSeconds);
    }

    AtomicLong maxHeap = new AtomicLong();
    Thread sampler = null;
    Duration cpuBefore = Duration.ZERO;
    if (server != null) {
      ServerProcess s = server;
      sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    maxHeap.accumulateAndGet(s.heapUsed(), Math::max);
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    // JMX not reachable: leave the heap unmeasured
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
    }
    String probeLocation = "BENCH-" + runId + "-L0";
    if (probe != null) {
      String probeSku = "PROBE-" + runId;
      check(
          admin.put(
              "/products/" + probeSku,
              Map.of(
                  "name",
                  "Channel probe",
                  "price",
                  Map.of("amount", "1.00", "currency", "EUR"),
                  "backorderable",
                  false)));
      probe.listOnly(probeSku);
    }
    Histogram[] underLoad = new Histogram[1];
    Thread probing = null;
    if (probe != null) {
      ChannelProbe p = probe;
      probing =
          new Thread(
              () -> {
                try {
                  Thread.sleep((long) (warmup * 1000));
                  underLoad[0] =
                      p.measure(admin, probeLocation, (int) Math.max(1, duration / 2), 1500);
                } catch (Exception e) {
                  System.out.println("Channel probe under load failed: " + e);
                }
              });
      probing.start();
    }
    LoadDriver driver =
        new LoadDriver(channel, catalog, customers, cardTokens(channel, cardShare), cardShare);
    long driverCpuBefore =
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
    double[] cpu = new double[1];
    Duration[] before = new Duration[1];
    Duration[] databaseBefore = new Duration[1];
    Thread cpuMark =
        new Thread(
            () -> {
              try {
                Thread.sleep((long) (warmup * 1000));
                if (server != null) {
                  before[0] = server.cpu();
                }
                databaseBefore[0] = postgresCpu();
              } catch (InterruptedException ignored) {
                // measurement cut short
              }
            });
    cpuMark.start();
    System.out.printf(
        "Placing orders: %d clients, %.0f s warm-up, %.0f s measured%n", clients, warmup, duration);
    LoadDriver.Result result = driver.run(clients, warmup, duration);
    cpuMark.join();
    if (server != null && before[0] != null) {
      cpu[0] = (server.cpu().minus(before[0]).toNanos() / 1e9) / duration;
    }
    Double databaseCpu =
        db.equals("postgres") && databaseBefore[0] != null && server != null
            ? round((postgresCpu().minus(databaseBefore[0]).toNanos() / 1e9) / duration)
            : null;
    long driverCpu =
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos()
            - driverCpuBefore;
    if (sampler != null) {
      sampler.interrupt();
    }

    Histogram idle = null;
    if (probing != null) {
      probing.join();
      idle = probe.measure(admin, probeLocation, 20, 300);
    }
    Map<String, Object> verification = verify(admin, server, result);
    Map<String, Histogram> lookups = lookups(admin, result, preloadOrders, preloadCustomers);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("time", Instant.now().toString());
    report.put("machine", Report.machine());
    report.put("database", db);
    report.put("clients", clients);
    report.put("cardShare", cardShare);
    report.put("warmupSeconds", warmup);
    report.put("measuredSeconds", duration);
    report.put(
        "catalog",
        Map.of("skus", skuCount, "kits", kitCount, "locations", 3, "customers", customers));
    report.put("coldStartSeconds", server == null ? null : round(server.coldStartSeconds));
    report.put("seedSeconds", round(seedSeconds));
    report.put("preloadedOrders", preloadOrders);
    report.put("preloadSeconds", round(preloadSeconds));
    report.put("acceptedOrders", result.accepted());
    report.put("ordersPerSecond", round(result.ordersPerSecond()));
    report.put("statuses", result.statuses());
    report.put("errors", result.errors());
    report.put("latencyMs", Report.percentiles(result.latencyMicros()));
    report.put("ordersPerSecondEvery5s", every5s(result.acceptedPerSecond()));
    report.put("lookupLatencyMs", Report.percentiles(lookups.get("all")));
    Map<String, Object> byKind = new LinkedHashMap<>();
    lookups.forEach((kind, h) -> byKind.put(kind, Report.percentiles(h)));
    byKind.remove("all");
    report.put("lookupWarmupLatencyMs", byKind.remove("warmup"));
    report.put("lookupLatencyMsByKind", byKind);
    report.put("serverCpuCores", server == null ? null : round(cpu[0]));
    report.put("driverCpuCores", round(driverCpu / 1e9 / (warmup + duration)));
    // a local PostgreSQL's processes, all databases: nothing else uses it during a run
    report.put("databaseCpuCores", databaseCpu);
    report.put("databaseSettings", databaseSettings(server));
    report.put("serverHeapMaxMiB", server == null ? null : maxHeap.get() / (1024 * 1024));
    report.put("serverHeapLiveMiB", server == null ? null : server.liveHeap() / (1024 * 1024));
    // last: stopping the server as an operator does, then starting it on the same data
    report.put("restartSeconds", server == null ? null : round(server.restart()));
    if (probe != null) {
      Map<String, Object> toChannel = new LinkedHashMap<>();
      toChannel.put(
          "what",
          "from a stock adjustment's answer to a stub Shopify shop receiving the new quantity");
      toChannel.put("underLoad", underLoad[0] == null ? null : Report.percentiles(underLoad[0]));
      toChannel.put("idle", Report.percentiles(idle));
      report.put("stockToChannelMs", toChannel);
    }
    report.put("verification", verification);
    admin.close();
    channel.close();
    return report;
  }

  /** Every sampled order has its stock reserved; on PostgreSQL, counts tie out in the database. */
  private static Map<String, Object> verify(
      Rest admin, ServerProcess server, LoadDriver.Result result) throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    int checked = 0;
    int fullyReserved = 0;
    for (String id : result.sampleOrderIds()) {
      JsonNode order = admin.get("/orders/" + id).json();
      checked++;
      boolean ok = true;
      for (JsonNode line : order.path("lines")) {
        ok &= line.path("reserved").asInt() == line.path("quantity").asInt();
      }
      fullyReserved += ok ? 1 : 0;
    }
    v.put("sampledOrders", checked);
    v.put("sampledFullyReserved", fullyReserved);
    if (server != null && server.databaseUrl() != null) {
      try (Connection c =
          DriverManager.getConnection(server.databaseUrl(), System.getProperty("user.name"), "")) {
        v.put(
            "ordersStored", count(c, "select count(*) from oms_order where placed_by = 'channel'"));
        v.put(
            "idempotencyKeys",
            count(c, "select count(*) from oms_idempotency_key where principal = 'channel'"));
        v.put(
            "orderPlacedEvents",
            count(c, "select count(*) from oms_outbox where topic = 'io/hanse/oms/order/PLACED'"));
        v.put(
            "negativeStockRows",
            count(
                c,
                "select count(*) from oms_stock_level where on_hand < reserved or reserved < 0"));
      }
    }
    return v;
  }

  /** Throughput over the whole run (warm-up included) in 5-second steps, to show drift. */
  private static List<Double> every5s(long[] perSecond) {
    List<Double> steps = new ArrayList<>();
    for (int from = 0; from + 5 <= perSecond.length; from += 5) {
      long sum = 0;
      for (int i = from; i < from + 5; i++) {
        sum += perSecond[i];
      }
      steps.add(round(sum / 5.0));
    }
    return steps;
  }

  /**
   * The PostgreSQL settings that change what a run measures: without autovacuum no table is ever
   * analyzed or vacuumed, so plans are made without statistics and dead rows pile up.
   */
  private static Map<String, String> databaseSettings(ServerProcess server) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    if (server != null && server.databaseUrl() != null) {
      try (Connection c =
              DriverManager.getConnection(
                  server.databaseUrl(), System.getProperty("user.name"), "");
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select name, setting from pg_settings where name in ('autovacuum',"
                          + " 'fsync', 'synchronous_commit', 'shared_buffers') order by name")) {
        while (rs.next()) {
          settings.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return settings;
  }

  private static long count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Latency of order lookups by id and of searches by customer, for orders of the run and, when the
   * database was preloaded, for preloaded ones: all together under {@code "all"}, and per kind.
   * Measured as the orders are, after a warm-up: five rounds of the same requests first, on other
   * preloaded orders and customers, recorded apart under {@code "warmup"} (the server's first
   * lookups run on code the JIT has not compiled yet).
   */
  private static Map<String, Histogram> lookups(
      Rest admin, LoadDriver.Result result, int preloadOrders, int preloadCustomers)
      throws Exception {
    Map<String, Histogram> kinds = new LinkedHashMap<>();
    for (String kind :
        List.of("all", "byId", "byCustomer", "preloadedById", "preloadedByCustomer", "warmup")) {
      kinds.put(kind, new Histogram(3));
    }
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 10; round++) {
      boolean warmup = round < 5;
      for (String id : result.sampleOrderIds()) {
        timed(kinds, warmup ? "warmup" : "byId", admin, "/orders/" + id);
        timed(
            kinds,
            warmup ? "warmup" : "byCustomer",
            admin,
            "/orders?customer=customer"
                + Math.floorMod(id.hashCode(), 100)
                + "@bench.example&size=20");
        if (preloadOrders > 0) {
          timed(
              kinds,
              warmup ? "warmup" : "preloadedById",
              admin,
              "/orders/" + Preload.orderId(1 + random.nextInt(preloadOrders)));
          timed(
              kinds,
              warmup ? "warmup" : "preloadedByCustomer",
              admin,
              "/orders?customer="
                  + Preload.customerEmail(1 + random.nextInt(preloadCustomers))
                  + "&size=20");
        }
      }
    }
    // kinds without a request (no preload, or no order sampled) are left out; "all" and "warmup"
    // stay
    kinds
        .entrySet()
        .removeIf(
            e ->
                !e.getKey().equals("all")
                    && !e.getKey().equals("warmup")
                    && e.getValue().getTotalCount() == 0);
    return kinds;
  }

  private static void timed(Map<String, Histogram> kinds, String kind, Rest admin, String path)
      throws Exception {
    long t = System.nanoTime();
    Rest.Reply reply = admin.get(path);
    if (reply.status() != 200) {
      throw new IllegalStateException(path + " answered " + reply.status());
    }
    long micros = (System.nanoTime() - t) / 1000;
    if (!kind.equals("warmup")) {
      kinds.get("all").recordValue(micros);
    }
    kinds.get(kind).recordValue(micros);
  }

  private static void check(Rest.Reply r) {
    if (r.status() / 100 != 2) {
      throw new IllegalStateException(r.status() + " " + r.body());
    }
  }

  static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }

  /** CPU time of the local PostgreSQL server's processes so far (backends, WAL writer, ...). */
  static Duration postgresCpu() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  private Benchmark() {}

  /** Cards in the vault for the share of orders paid by card (the simulator's approved card). */
  private static List<String> cardTokens(Rest channel, double cardShare) throws Exception {
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; cardShare > 0 && i < 20; i++) {
      Rest.Reply r =
          channel.post(
              "/vault/cards",
              Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2040),
              Map.of());
      check(r);
      tokens.add(r.json().path("token").asText());
    }
    return tokens;
  }
}
