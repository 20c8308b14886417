package io.hanse.oms.core.order;

import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.pricing.PriceCalculator;
import io.hanse.oms.core.catalog.ProductEntity;
import io.hanse.oms.core.customer.CustomerEntity;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.JdbcReads;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.BatchStock;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for new orders. Request threads hand their orders to a writer thread, which takes
 * whatever is waiting together in one transaction: one query for the products, one for the
 * customers, one for the stock of all of them and one for stored idempotency keys (on PostgreSQL in
 * two round trips), the conditional updates of the stock and the inserts of all the orders (on
 * PostgreSQL in one), and one commit. Each request is answered once that transaction committed, so
 * an answered order is stored exactly as when taken alone.
 *
 * <p>Several writers may write their batches at once, each on its own connection, so that one
 * batch's round trips and commit overlap another's; a customer's orders always go to the same
 * writer. Batches that reserve the same stock wait for each other on its rows, which each locks in
 * one order (SKU, then location) when it writes, so they never deadlock.
 *
 * <p>The batch is the fast path, never the only one: whatever it cannot settle by itself is handed
 * back to its request thread to be taken alone, by the one-order path with its retries: an order it
 * refuses (the alone path looks for a replay before it refuses, and gives the exact error), and
 * every order of a batch that fails (a replayed idempotency key or external id refused by its
 * unique key, stock changed by another writer, a deadlock with another node). Nothing waits for a
 * batch to fill: under light load the writer finds one order waiting and takes it at once.
 */
final class OrderIntake {
  private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

  /** What a request thread gets back: its order taken, or the word to take it alone. */
  enum Alone {
    /** Take it alone as a first attempt. */
    FIRST_ATTEMPT,
    /** Take it alone, looking first for an earlier order with its key or external id. */
    LOOK_FIRST
  }

  /**
   * One order waiting for the writer. Exactly one side owns it: the writer once it {@link #take()}s
   * it, or its request thread once it {@link #withdraw()}s it (interrupted, the writer gone or
   * slow); so an order is never taken both in a batch and alone.
   */
  record Request(
      OrderSubmission submission,
      IdempotencyKeyEntity.Id key,
      String requestHash,
      String user,
      PriceCalculator calculator,
      CompletableFuture<Object> answer,
      AtomicInteger owner) {

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    Request(
        OrderSubmission submission,
        IdempotencyKeyEntity.Id key,
        String requestHash,
        String user,
        PriceCalculator calculator) {
      this(
          submission,
          key,
          requestHash,
          user,
          calculator,
          new CompletableFuture<>(),
          new AtomicInteger(WAITING));
    }

    boolean take() {
      return owner.compareAndSet(WAITING, TAKEN);
    }

    boolean withdraw() {
      return owner.compareAndSet(WAITING, WITHDRAWN);
    }

    // identity, not the submission's contents: requests are keys of identity maps only
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** How long an order may wait for the writer to take it before its own thread takes it. */
  private static final long TAKE_WITHIN_NANOS = 5_000_000_000L;

  /** The largest batch a configuration may ask for. */
  static final int MAX_BATCH = 256;

  /** The most writers a configuration may ask for. */
  static final int MAX_WRITERS = 16;

  private final Transactions tx;
  private final int maxBatch;
  private final List<Writer> writers;
  private static final long REPORT_EVERY_NANOS = 60_000_000_000L;

  /** An intake whose writer starts later, when {@code start} is false: tests gather a batch. */
  OrderIntake(Transactions tx, int maxBatch, boolean start) {
    this(tx, maxBatch, 1, start);
  }

  /**
   * @param maxBatch the most orders one transaction takes; below 2 every order is taken alone
   * @param writers how many batches may be written at once, each by its own thread and connection;
   *     a customer's orders always go to the same one
   */
  OrderIntake(Transactions tx, int maxBatch, int writers, boolean start) {
    this.tx = tx;
    this.maxBatch = Math.max(1, Math.min(MAX_BATCH, maxBatch));
    int count = Math.max(1, Math.min(MAX_WRITERS, writers));
    List<Writer> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(new Writer(count == 1 ? "hanse-order-intake" : "hanse-order-intake-" + (i + 1)));
    }
    this.writers = List.copyOf(all);
    if (maxBatch >= 2 && start) {
      start();
    }
  }

  void start() {
    writers.forEach(Writer::start);
  }

  int waitingCount() {
    return writers.stream().mapToInt(w -> w.waiting.size()).sum();
  }

  /**
   * Takes a new order with others waiting, or says to take it alone.
   *
   * @return the {@link PlacementResult}, or an {@link Alone}
   * @throws OmsException never: refusals are decided by the alone path
   */
  Object submit(Request request) {
    return writerOf(request.submission()).submit(request);
  }

  /**
   * The writer of a customer's orders. Batches written at once must not both create the same new
   * customer (one of them would fail whole on its unique email), and an order and its replay must
   * meet in one writer, which answers the replay by the alone path once the first is stored.
   */
  private Writer writerOf(OrderSubmission submission) {
    if (writers.size() == 1) {
      return writers.get(0);
    }
    String email = submission.customer() == null ? null : submission.customer().email();
    int hash = email == null ? 0 : CustomerEntity.normalizeEmail(email).hashCode();
    return writers.get(Math.floorMod(hash, writers.size()));
  }

  /**
   * Stops the writers, each after the batch it is in; what still waits is handed back to be taken
   * alone.
   */
  void stop() {
    writers.forEach(Writer::stopRunning);
    long until = System.nanoTime() + 10_000_000_000L;
    for (Writer w : writers) {
      w.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
    }
  }

  /**
   * One thread taking whatever waits in its queue together: one batch, one transaction, one
   * connection at a time.
   */
  private final class Writer {
    private final BlockingQueue<Request> waiting;
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean started;

    // what the writer did since it last said so, for the log: batches and orders taken, handed back
    private long batches;
    private long ordersTaken;
    private long handedBack;
    private long failedBatches;
    private long lastReport = System.nanoTime();

    Writer(String name) {
      this.waiting = new ArrayBlockingQueue<>(maxBatch * 16);
      this.thread = new Thread(this::run, name);
      thread.setDaemon(true);
      running = maxBatch >= 2;
    }

    void start() {
      if (running && !started) {
        started = true;
        thread.start();
      }
    }

    Object submit(Request request) {
      if (!running) {
        return Alone.FIRST_ATTEMPT;
      }
      boolean interrupted = false;
      try {
        try {
          if (!waiting.offer(request, 1, TimeUnit.SECONDS)) {
            return Alone.FIRST_ATTEMPT; // the writer is far behind: this thread takes it
          }
        } catch (InterruptedException e) {
          interrupted = true;
          return Alone.FIRST_ATTEMPT;
        }
        long giveUpAt = System.nanoTime() + TAKE_WITHIN_NANOS;
        while (true) {
          // a writer told to stop still finishes the batch it is in: only a dead one is gone
          boolean writerDead = started && !thread.isAlive();
          boolean stopping = !running || writerDead;
          if (interrupted || stopping || System.nanoTime() - giveUpAt > 0) {
            if (request.withdraw()) {
              waiting.remove(request);
              return Alone.FIRST_ATTEMPT; // no batch has seen it
            }
            if (writerDead && !request.answer().isDone()) {
              return Alone.LOOK_FIRST; // taken by a writer that died: it may have committed
            }
            giveUpAt = Long.MAX_VALUE; // the writer has it: its batch ends one way or the other
          }
          try {
            return request.answer().get(100, TimeUnit.MILLISECONDS);
          } catch (TimeoutException notYet) {
            // look again whether the writer is still there
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            return Alone.LOOK_FIRST;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void stopRunning() {
      running = false;
      thread.interrupt();
    }

    void join(long millis) {
      try {
        thread.join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      handBack();
    }

    /** Hands back what no batch has taken: their threads take them as a first attempt. */
    private void handBack() {
      List<Request> left = new ArrayList<>();
      waiting.drainTo(left);
      left.stream()
          .filter(Request::withdraw)
          .forEach(r -> r.answer().complete(Alone.FIRST_ATTEMPT));
    }

    private void run() {
      List<Request> batch = new ArrayList<>(maxBatch);
      try {
        while (running) {
          try {
            Request first = waiting.poll(500, TimeUnit.MILLISECONDS);
            if (first == null) {
              continue;
            }
            batch.clear();
            batch.add(first);
            waiting.drainTo(batch, maxBatch - 1);
            batch.removeIf(r -> !r.take()); // withdrawn by their threads meanwhile
            if (!batch.isEmpty()) {
              take(batch);
            }
            report();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          } catch (RuntimeException | Error e) {
            // never leave a request thread waiting
            batch.forEach(r -> r.answer().complete(Alone.LOOK_FIRST));
            LOG.error("Order intake batch failed unexpectedly; its orders are taken one by one", e);
          }
        }
      } finally {
        running = false;
        handBack();
      }
    }

    /**
     * Takes a batch, even of one order: its few round trips cost less than the alone path's
     * statements, and nothing waited for others to arrive.
     */
    private void take(List<Request> batch) {
      // A second request for the same key or external id is a replay of the first: it is answered
      // once the first is stored, by the alone path that looks first.
      List<Request> together = new ArrayList<>(batch.size());
      List<Request> replays = new ArrayList<>();
      Set<Object> seen = new HashSet<>();
      for (Request r : batch) {
        boolean newKey = r.key() == null || seen.add(r.key());
        OrderSubmission s = r.submission();
        boolean newExternalId =
            s.externalId() == null || seen.add(List.of(s.channel(), s.externalId()));
        (newKey && newExternalId ? together : replays).add(r);
      }
      Map<Request, Object> outcomes = new IdentityHashMap<>();
      try {
        tx.writeOnce(em -> takeTogether(em, together, outcomes));
      } catch (RuntimeException failed) {
        if (!committedAnyway(outcomes)) {
          LOG.debug(
              "A batch of {} orders is taken one by one: {}", together.size(), failed.toString());
          together.forEach(r -> r.answer().complete(Alone.LOOK_FIRST));
          replays.forEach(r -> r.answer().complete(Alone.LOOK_FIRST));
          failedBatches++;
          handedBack += batch.size();
          return;
        }
        LOG.warn("A batch of {} orders committed despite: {}", together.size(), failed.toString());
      }
      outcomes.forEach((r, outcome) -> r.answer().complete(outcome));
      replays.forEach(r -> r.answer().complete(Alone.LOOK_FIRST));
      batches++;
      long alone =
          replays.size() + outcomes.values().stream().filter(Alone.class::isInstance).count();
      ordersTaken += batch.size() - alone;
      handedBack += alone;
    }

    private void report() {
      long now = System.nanoTime();
      if (now - lastReport < REPORT_EVERY_NANOS || batches + failedBatches == 0) {
        return;
      }
      LOG.info(
          "Order intake ({}): {} orders taken in {} batches ({} on average), {} handed back to be"
              + " taken alone, {} batches failed whole",
          thread.getName(),
          ordersTaken,
          batches,
          batches == 0 ? 0 : Math.round((double) ordersTaken / batches),
          handedBack,
          failedBatches);
      batches = 0;
      ordersTaken = 0;
      handedBack = 0;
      failedBatches = 0;
      lastReport = now;
    }
  }

  /**
   * Whether a batch whose transaction failed stored its orders all the same (the failure came with
   * or after the commit): then they are taken, and taking them again would duplicate them. A batch
   * is one transaction, so one of its orders tells for all.
   */
  private boolean committedAnyway(Map<Request, Object> outcomes) {
    String anyOrder =
        outcomes.values().stream()
            .filter(PlacementResult.class::isInstance)
            .map(o -> ((PlacementResult) o).order().id())
            .findFirst()
            .orElse(null);
    if (anyOrder == null) {
      return false;
    }
    try {
      return tx.read(em -> em.find(OrderEntity.class, anyOrder) != null);
    } catch (RuntimeException unknown) {
      return false; // the alone path looks for each first
    }
  }

  /**
   * Takes the orders in the caller's transaction, putting each outcome (an order, or an {@link
   * Alone}) into {@code outcomes}.
   */
  private static Void takeTogether(
      EntityManager em, List<Request> requests, Map<Request, Object> outcomes) {
    Set<String> skus = new TreeSet<>();
    Set<String> emails = new HashSet<>();
    Set<String> departments = new HashSet<>();
    for (Request r : requests) {
      r.submission().lines().stream().map(OrderLineRequest::sku).forEach(skus::add);
      emails.add(CustomerEntity.normalizeEmail(r.submission().customer().email()));
      departments.add(Submissions.department(r.submission()));
    }
    Session session = em.unwrap(Session.class);
    // the products (kits with their components, not one more query per kit) and the customers in
    // one round trip, as copies no persistence context manages
    Map<String, ProductEntity> products = new HashMap<>();
    Map<String, CustomerEntity> customers = new HashMap<>();
    List<JdbcReads.Read> first = new ArrayList<>();
    ProductEntity.reading(skus, products).ifPresent(first::add);
    CustomerEntity.reading(emails, customers).ifPresent(first::add);
    session.doWork(c -> JdbcReads.together(c, first));
    Map<String, List<String>> asRead = new HashMap<>();
    customers.values().forEach(c -> asRead.put(c.id(), Arrays.asList(c.name(), c.phone())));
    Set<String> stocked = new TreeSet<>();
    for (ProductEntity p : products.values()) {
      if (p.isKit()) {
        p.components().forEach(c -> stocked.add(c.sku()));
      } else {
        stocked.add(p.sku());
      }
    }
    Set<String> locations = new TreeSet<>();
    departments.forEach(d -> locations.addAll(InventoryServiceImpl.locationCodes(em, d)));
    // the stock and the stored keys in one round trip
    BatchStock stock = new BatchStock();
    Set<IdempotencyKeyEntity.Id> storedKeys = new HashSet<>();
    List<JdbcReads.Read> reads = new ArrayList<>();
    stock.reading(stocked, locations).ifPresent(reads::add);
    storedKeys(requests, storedKeys).ifPresent(reads::add);
    session.doWork(c -> JdbcReads.together(c, reads));
    OrderPlacement.Prefetched prefetched =
        new OrderPlacement.Prefetched(products, new HashMap<>(customers), stock);

    Map<Request, OrderEntity> taken = new IdentityHashMap<>();
    for (Request r : requests) {
      if (r.key() != null && storedKeys.contains(r.key())) {
        outcomes.put(r, Alone.LOOK_FIRST); // a client's retry: the alone path answers the replay
        continue;
      }
      int customersBefore = prefetched.newCustomers().size();
      int entitiesBefore = prefetched.newEntities().size();
      try {
        OrderEntity order =
            new OrderPlacement(em, r.user(), r.calculator(), prefetched).place(r.submission());
        stock.acceptCurrent(r.user(), order.id());
        if (r.key() != null) {
          prefetched
              .newEntities()
              .add(new IdempotencyKeyEntity(r.key(), r.requestHash(), order.id()));
        }
        taken.put(r, order);
      } catch (RuntimeException refused) {
        // refused (or failing) alone, not in the batch: the alone path gives its exact answer
        stock.refuseCurrent();
        forgetFrom(prefetched.newCustomers(), customersBefore)
            .forEach(c -> prefetched.customersByEmail().remove(c.email()));
        forgetFrom(prefetched.newEntities(), entitiesBefore);
        outcomes.put(r, Alone.LOOK_FIRST);
      }
    }
    session.doWork(
        c -> OrderRows.write(c, prefetched.newCustomers(), prefetched.newEntities(), stock));
    // a known customer's missing name or phone filled in: through the managed customer (rare)
    for (CustomerEntity c : customers.values()) {
      if (!asRead.get(c.id()).equals(Arrays.asList(c.name(), c.phone()))) {
        em.find(CustomerEntity.class, c.id()).complete(c.name(), c.phone());
      }
    }
    em.flush();
    taken.forEach((r, order) -> outcomes.put(r, new PlacementResult(order.toOrder(), false)));
    return null;
  }

  /**
   * The query of the requests' idempotency keys that are stored already, into {@code stored}:
   * retries of orders taken earlier. Their unique key would fail the whole batch at commit, so they
   * go alone at once. (External ids are not looked up here: PostgreSQL answers {@code channel in
   * (..) and external_id in (..)} from the (channel, created_at) index, reading every order of
   * those channels; a replayed external id without a key — rare, channels' deliveries are
   * deduplicated by the inbox — fails its batch, whose orders then go alone.) Empty when no request
   * has a key.
   */
  private static Optional<JdbcReads.Read> storedKeys(
      List<Request> requests, Set<IdempotencyKeyEntity.Id> stored) {
    Set<String> keys = new HashSet<>();
    Set<String> principals = new HashSet<>();
    for (Request r : requests) {
      if (r.key() != null) {
        keys.add(r.key().key());
        principals.add(r.user());
      }
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    List<String> keyList = InLists.padded(keys);
    List<String> principalList = InLists.padded(principals);
    return Optional.of(
        new JdbcReads.Read(
            // the key leads the primary key: its index answers whatever the statistics
            "select principal, idem_key from oms_idempotency_key where idem_key in ("
                + InLists.placeholders(keyList.size())
                + ") and principal in ("
                + InLists.placeholders(principalList.size())
                + ")",
            (ps, first) -> InLists.bind(ps, InLists.bind(ps, first, keyList), principalList),
            rs -> {
              stored.add(new IdempotencyKeyEntity.Id(rs.getString(1), rs.getString(2)));
            }));
  }

  /** Removes and returns what a refused order added to a list from {@code size} on. */
  private static <T> List<T> forgetFrom(List<T> list, int size) {
    List<T> tail = list.subList(size, list.size());
    List<T> removed = new ArrayList<>(tail);
    tail.clear();
    return removed;
  }
}
