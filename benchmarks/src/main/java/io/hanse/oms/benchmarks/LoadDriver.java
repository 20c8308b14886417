package io.hanse.oms.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Places orders the way channels do — one to three lines, sometimes a kit, a customer, an
 * idempotency key and an external id — from a number of concurrent clients, each sending its next
 * order when the last one is answered (closed loop).
 */
public final class LoadDriver {
  private static final List<String> CHANNELS =
      List.of("web", "shopify", "woocommerce", "amazon", "pos", "phone");

  /** What a run measured. */
  public record Result(
      long accepted,
      Map<Integer, Long> statuses,
      long transportErrors,
      double seconds,
      Histogram latencyMicros,
      List<String> sampleOrderIds,
      long[] acceptedPerSecond) {

    public double ordersPerSecond() {
      return accepted / seconds;
    }

    public long errors() {
      return transportErrors
          + statuses.entrySet().stream()
              .filter(e -> e.getKey() != 201 && e.getKey() != 409)
              .mapToLong(Map.Entry::getValue)
              .sum();
    }
  }

  private final Rest channel;
  private final Catalog catalog;
  private final int customers;
  private final List<String> cardTokens;
  private final double cardShare;

  /**
   * @param cardTokens vault tokens of test cards; {@code cardShare} of the orders are paid with one
   */
  public LoadDriver(
      Rest channel, Catalog catalog, int customers, List<String> cardTokens, double cardShare) {
    this.channel = channel;
    this.catalog = catalog;
    this.customers = customers;
    this.cardTokens = List.copyOf(cardTokens);
    this.cardShare = cardTokens.isEmpty() ? 0 : cardShare;
  }

  /**
   * Runs {@code clients} clients for {@code seconds}; the first {@code warmupSeconds} are not
   * measured.
   */
  public Result run(int clients, double warmupSeconds, double seconds) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    AtomicLong transportErrors = new AtomicLong();
    List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    // accepted orders per second of the whole run, warm-up included, to see throughput drift
    AtomicLongArray perSecond = new AtomicLongArray((int) Math.ceil(warmupSeconds + seconds) + 1);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  long sent = System.nanoTime();
                  if (sent >= end) {
                    return;
                  }
                  boolean measured = sent >= measureFrom;
                  try {
                    Rest.Reply r =
                        channel.post("/orders", order(), Map.of("Idempotency-Key", randomId()));
                    long micros = (System.nanoTime() - sent) / 1000;
                    if (r.status() == 201) {
                      perSecond.incrementAndGet(
                          (int) Math.min((sent - start) / 1_000_000_000L, perSecond.length() - 1));
                    }
                    if (measured) {
                      recorder.recordValue(micros);
                      statuses.computeIfAbsent(r.status(), s -> new AtomicLong()).incrementAndGet();
                      if (r.status() == 201
                          && samples.size() < 50
                          && ThreadLocalRandom.current().nextInt(20) == 0) {
                        samples.add(r.json().path("id").asText());
                      }
                    }
                  } catch (Exception e) {
                    if (measured) {
                      transportErrors.incrementAndGet();
                    }
                  }
                }
              },
              "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Map<Integer, Long> counts = new LinkedHashMap<>();
    statuses.forEach((k, v) -> counts.put(k, v.get()));
    return new Result(
        counts.getOrDefault(201, 0L),
        counts,
        transportErrors.get(),
        seconds,
        recorder.getIntervalHistogram(),
        List.copyOf(samples),
        IntStream.range(0, perSecond.length()).mapToLong(perSecond::get).toArray());
  }

  /**
   * A random version 4 UUID from the thread's own generator: unique is all a key and an external id
   * need, and {@link UUID#randomUUID()} makes every client thread take turns at one SecureRandom.
   */
  static String randomId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private Map<String, Object> order() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int lines = 1 + random.nextInt(3);
    List<Map<String, Object>> list = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (int i = 0; i < lines; i++) {
      boolean kit = !catalog.kits.isEmpty() && random.nextInt(10) == 0;
      List<String> from = kit ? catalog.kits : catalog.skus;
      String sku = from.get(random.nextInt(from.size()));
      if (used.add(sku)) {
        list.add(Map.of("sku", sku, "quantity", 1 + random.nextInt(2)));
      }
    }
    int customer = random.nextInt(customers);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
    order.put("externalId", randomId());
    order.put(
        "customer",
        Map.of("email", "customer" + customer + "@bench.example", "name", "Customer " + customer));
    order.put("lines", list);
    if (cardShare > 0 && random.nextDouble() < cardShare) {
      order.put(
          "payments",
          List.of(
              Map.of(
                  "method", "card", "token", cardTokens.get(random.nextInt(cardTokens.size())))));
    }
    return order;
  }
}
