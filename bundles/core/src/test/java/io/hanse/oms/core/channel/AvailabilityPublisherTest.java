package io.hanse.oms.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.catalog.CatalogServiceImpl;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * What a channel is told: per SKU the available stock less safety stock at the locations serving
 * its departments, and per kit how many can be built there from its components.
 */
class AvailabilityPublisherTest {
  private final TestDatabase db = new TestDatabase();
  private AvailabilityPublisher publisher;

  /** Keeps the last figure pushed for each SKU. */
  static final class RecordingShop implements ChannelConnector {
    final Map<String, Integer> pushed = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "shop";
    }

    @Override
    public String connector() {
      return "test";
    }

    @Override
    public Set<String> departments() {
      return Set.of("web");
    }

    @Override
    public InboundMessage verify(WebhookRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ChannelAction map(InboundMessage message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void pushAvailability(List<Availability> levels) {
      levels.forEach(a -> pushed.put(a.sku(), a.quantity()));
    }

    @Override
    public void orderShipped(ChannelShipment shipment) {}

    @Override
    public void orderCancelled(String externalId, String reason) {}
  }

  @AfterEach
  void tearDown() throws Exception {
    if (publisher != null) {
      publisher.deactivate();
    }
    db.close();
  }

  @Test
  void plainSkusAndKitsArePushedAsTheChannelsLocationsHoldThem() throws Exception {
    Transactions tx = new Transactions(db);
    CatalogServiceImpl catalog = new CatalogServiceImpl(tx);
    InventoryServiceImpl inventory = new InventoryServiceImpl(tx);
    inventory.putLocation(
        "WH", new LocationSpec("Warehouse", LocationType.WAREHOUSE, Set.of("web")));
    inventory.putLocation("STORE", new LocationSpec("Store", LocationType.STORE, Set.of("store")));
    Money price = Money.of("10.00", "EUR");
    for (String sku : List.of("A", "B")) {
      catalog.putProduct(sku, new ProductSpec(sku, price, null, Map.of(), List.of(), false, null));
    }
    catalog.putProduct(
        "K",
        new ProductSpec(
            "Kit",
            price,
            null,
            Map.of(),
            List.of(new SkuQuantity("A", 2), new SkuQuantity("B", 1)),
            false,
            null));
    inventory.adjust(new StockAdjustment("A", "WH", 10, "test"), "test");
    inventory.adjust(new StockAdjustment("A", "STORE", 40, "test"), "test");
    inventory.adjust(new StockAdjustment("B", "WH", 3, "test"), "test");
    inventory.adjust(new StockAdjustment("B", "STORE", 50, "test"), "test");
    inventory.setSafetyStock("A", "WH", 2, "test");

    ChannelRegistry registry = new ChannelRegistry();
    RecordingShop shop = new RecordingShop();
    publisher = new AvailabilityPublisher(tx, registry, inventory);
    publisher.activate();
    registry.bind(shop); // a channel that comes up gets everything

    // the store's stock is not the web shop's; a kit takes its components' stock without their
    // safety stock, as the inventory service reports it
    awaitPushed(shop, Map.of("A", 8, "B", 3, "K", 3));

    // a change to a component reaches the kits made of it
    inventory.adjust(new StockAdjustment("B", "WH", 10, "test"), "test");
    publisher.handleEvent(new Event(OmsTopics.STOCK_CHANGED, Map.of(OmsTopics.SKU, "B")));
    awaitPushed(shop, Map.of("A", 8, "B", 13, "K", 5));
  }

  private static void awaitPushed(RecordingShop shop, Map<String, Integer> expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!shop.pushed.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(shop.pushed).isEqualTo(expected);
  }
}
