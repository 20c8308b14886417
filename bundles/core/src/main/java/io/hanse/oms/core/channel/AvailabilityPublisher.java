package io.hanse.oms.core.channel;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.KitStock;
import io.hanse.oms.core.inventory.StockLevelEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.annotations.QueryHints;
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
   * Per SKU: available less safety stock over the locations serving the channel's departments; for
   * a kit, how many can be built at each serving location from its components' available stock. Two
   * queries per batch, kits included: the products with their components, and the stock of every
   * SKU that holds any (under load every kit of the catalog changes with its components, and a
   * transaction per kit was most of the push's cost).
   */
  private List<Availability> levels(
      Collection<String> skus, Set<String> sells, Map<String, Set<String>> departments) {
    return tx.read(
        em -> {
          // SKU -> whether a kit, and each kit's components: scalars, no entities to build
          Map<String, Boolean> products = new HashMap<>();
          em.createQuery(
                  "select p.sku, p.kit from ProductEntity p where p.sku in :skus", Object[].class)
              .setParameter("skus", InLists.padded(skus))
              .getResultList()
              .forEach(row -> products.put((String) row[0], (Boolean) row[1]));
          List<String> kits =
              products.entrySet().stream()
                  .filter(Map.Entry::getValue)
                  .map(Map.Entry::getKey)
                  .toList();
          Map<String, List<SkuQuantity>> components = new HashMap<>();
          if (!kits.isEmpty()) {
            em.createQuery(
                    "select p.sku, c.sku, c.quantity from ProductEntity p join p.components c"
                        + " where p.sku in :kits",
                    Object[].class)
                .setParameter("kits", InLists.padded(kits))
                .getResultList()
                .forEach(
                    row ->
                        components
                            .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                            .add(new SkuQuantity((String) row[1], (Integer) row[2])));
          }
          Set<String> stocked = new HashSet<>();
          products.forEach(
              (sku, kit) -> {
                if (kit) {
                  components.getOrDefault(sku, List.of()).forEach(c -> stocked.add(c.sku()));
                } else {
                  stocked.add(sku);
                }
              });
          Map<String, List<LocationStock>> stock = new HashMap<>();
          if (!stocked.isEmpty()) {
            em.createQuery(
                    "select s from StockLevelEntity s where s.key.sku in :skus",
                    StockLevelEntity.class)
                .setParameter("skus", InLists.padded(stocked))
                .setHint(QueryHints.READ_ONLY, true)
                .getResultList()
                .forEach(
                    s ->
                        stock
                            .computeIfAbsent(s.key().sku(), k -> new ArrayList<>())
                            .add(s.toLocationStock()));
          }
          List<Availability> levels = new ArrayList<>();
          for (String sku : skus) {
            Boolean kit = products.get(sku);
            if (kit == null) {
              continue; // gone
            }
            List<LocationStock> at =
                kit
                    ? kitStock(sku, components.getOrDefault(sku, List.of()), stock)
                    : stock.getOrDefault(sku, List.of());
            int quantity = 0;
            for (LocationStock location : at) {
              if (served(location.location(), sells, departments)) {
                quantity += Math.max(0, location.available() - location.safetyStock());
              }
            }
            levels.add(new Availability(sku, quantity));
          }
          return levels;
        });
  }

  /** A kit's stock per location, built from its components' (as the inventory service says). */
  private static List<LocationStock> kitStock(
      String kit, List<SkuQuantity> components, Map<String, List<LocationStock>> stock) {
    Map<String, List<LocationStock>> ofComponents = new HashMap<>();
    components.forEach(c -> ofComponents.put(c.sku(), stock.getOrDefault(c.sku(), List.of())));
    return KitStock.summarize(kit, components, ofComponents).locations();
  }

  private static boolean served(
      String location, Set<String> sells, Map<String, Set<String>> departments) {
    return departments.getOrDefault(location, Set.of()).stream().anyMatch(sells::contains);
  }
}
