package io.hanse.oms.core.channel;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.StockSummary;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.StockLevelEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes availability to every installed channel as stock changes. Stock events mark SKUs (and the
 * kits made of them) as changed for every channel; a tick every {@value #TICK_MILLIS} ms pushes
 * what changed since, in batches, so a burst of orders for one SKU is one call. A channel that
 * fails keeps its SKUs and is retried with backoff; a channel that comes up gets everything.
 */
@Component(
    service = {EventHandler.class, AvailabilityPublisher.class},
    property = EventConstants.EVENT_TOPIC + "=" + OmsTopics.STOCK_CHANGED)
public class AvailabilityPublisher implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AvailabilityPublisher.class);
  static final long TICK_MILLIS = 150;
  static final int BATCH = 250;
  private static final long MAX_BACKOFF_MILLIS = 5 * 60_000L;

  private final Transactions tx;
  private final ChannelRegistry registry;
  private final InventoryService inventory;
  private final Map<String, ChannelPushState> states = new ConcurrentHashMap<>();
  private final Consumer<ChannelConnector> onAdded =
      c -> {
        state(c.name()).reset();
        resync(c.name());
      };
  private ScheduledExecutorService executor;

  @Activate
  public AvailabilityPublisher(
      @Reference Transactions tx,
      @Reference ChannelRegistry registry,
      @Reference InventoryService inventory) {
    this.tx = tx;
    this.registry = registry;
    this.inventory = inventory;
  }

  @Activate
  void activate() {
    executor =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "hanse-channel-availability");
              t.setDaemon(true);
              return t;
            });
    registry.whenAdded(onAdded);
    registry.all().keySet().forEach(this::resync);
    executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    registry.removeListener(onAdded);
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Override
  public void handleEvent(Event event) {
    String sku = (String) event.getProperty(OmsTopics.SKU);
    if (sku == null || registry.all().isEmpty()) {
      return;
    }
    // Cheap on purpose: events arrive by the hundred per second under load, and EventAdmin
    // delivers them one after the other. Kits made of the SKU are found when the batch is pushed.
    Set<String> changed = Set.of(sku);
    registry.all().keySet().forEach(name -> state(name).mark(changed));
  }

  /**
   * Queues every SKU of the catalog for one channel.
   *
   * @return how many
   */
  public int resync(String channel) {
    List<String> skus =
        tx.read(
            em ->
                em.createQuery("select p.sku from ProductEntity p", String.class).getResultList());
    state(channel).mark(skus);
    return skus.size();
  }

  ChannelPushState state(String channel) {
    return states.computeIfAbsent(channel, c -> new ChannelPushState());
  }

  /** The SKUs and the kits made of any of them. */
  private List<String> withKits(List<String> skus) {
    List<String> kits =
        tx.read(
            em ->
                em.createQuery(
                        "select distinct p.sku from ProductEntity p join p.components c"
                            + " where c.sku in :skus",
                        String.class)
                    .setParameter("skus", InLists.padded(skus))
                    .getResultList());
    Set<String> all = new java.util.LinkedHashSet<>(skus);
    all.addAll(kits);
    return new ArrayList<>(all);
  }

  private void tick() {
    long now = System.currentTimeMillis();
    registry
        .all()
        .forEach(
            (name, connector) -> {
              ChannelPushState state = state(name);
              if (connector.configurationProblem() == null && state.due(now) && state.start()) {
                executor.execute(() -> push(connector, state));
              }
            });
  }

  private void push(ChannelConnector connector, ChannelPushState state) {
    try {
      Map<String, Set<String>> departments = locationDepartments();
      List<String> batch;
      while (!(batch = state.drain(BATCH)).isEmpty()) {
        try {
          connector.pushAvailability(levels(withKits(batch), connector.departments(), departments));
          state.succeeded(batch.size());
        } catch (IOException | RuntimeException e) {
          state.mark(batch);
          long wait = backoffMillis(state.failures());
          state.failed(e.getMessage() == null ? e.toString() : e.getMessage(), now() + wait);
          LOG.warn(
              "Pushing availability to channel {} failed ({} in a row), retrying in {} ms: {}",
              connector.name(),
              state.failures(),
              wait,
              state.lastError());
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Availability for channel {} could not be read: {}", connector.name(), e.toString());
    } finally {
      state.finish();
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private static long backoffMillis(int failures) {
    return Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(failures, 20));
  }

  private Map<String, Set<String>> locationDepartments() {
    return inventory.listLocations().stream()
        .collect(Collectors.toMap(Location::code, Location::departments));
  }

  /**
   * Per SKU: available less safety stock over the locations serving the channel's departments.
   * Plain SKUs are read in one query per batch; kits, whose figure comes from their components,
   * through the inventory service.
   */
  private List<Availability> levels(
      Collection<String> skus, Set<String> sells, Map<String, Set<String>> departments) {
    Map<String, Integer> plain =
        tx.read(
            em -> {
              Map<String, Integer> sum = new HashMap<>();
              List<String> kits =
                  em.createQuery(
                          "select p.sku from ProductEntity p join p.components c"
                              + " where p.sku in :skus",
                          String.class)
                      .setParameter("skus", InLists.padded(skus))
                      .getResultList();
              List<String> known =
                  em.createQuery(
                          "select p.sku from ProductEntity p where p.sku in :skus", String.class)
                      .setParameter("skus", InLists.padded(skus))
                      .getResultList();
              for (String sku : known) {
                if (!kits.contains(sku)) {
                  sum.put(sku, 0);
                }
              }
              for (StockLevelEntity level :
                  em.createQuery(
                          "select s from StockLevelEntity s where s.key.sku in :skus",
                          StockLevelEntity.class)
                      .setParameter(
                          "skus",
                          InLists.padded(sum.keySet().isEmpty() ? List.of("") : sum.keySet()))
                      .getResultList()) {
                LocationStock at = level.toLocationStock();
                if (served(at.location(), sells, departments)) {
                  sum.merge(
                      level.key().sku(),
                      Math.max(0, at.available() - at.safetyStock()),
                      Integer::sum);
                }
              }
              return sum;
            });
    List<Availability> levels = new ArrayList<>();
    for (String sku : skus) {
      Integer quantity = plain.get(sku);
      if (quantity == null) {
        quantity = kit(sku, sells, departments);
      }
      if (quantity != null) {
        levels.add(new Availability(sku, quantity));
      }
    }
    return levels;
  }

  /** A kit's figure, or null when the SKU is gone. */
  private Integer kit(String sku, Set<String> sells, Map<String, Set<String>> departments) {
    StockSummary stock;
    try {
      stock = inventory.stock(sku, null);
    } catch (NotFoundException gone) {
      return null;
    }
    int quantity = 0;
    for (LocationStock at : stock.locations()) {
      if (served(at.location(), sells, departments)) {
        quantity += Math.max(0, at.available() - at.safetyStock());
      }
    }
    return quantity;
  }

  private static boolean served(
      String location, Set<String> sells, Map<String, Set<String>> departments) {
    return departments.getOrDefault(location, Set.of()).stream().anyMatch(sells::contains);
  }
}
