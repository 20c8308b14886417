package io.hanse.oms.demo;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.PersonalizationField;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.customer.CustomerService;
import io.hanse.oms.api.customer.CustomerSpec;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationType;
import io.hanse.oms.api.inventory.PurchaseOrderSpec;
import io.hanse.oms.api.inventory.PurchasingService;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.inventory.SupplierItem;
import io.hanse.oms.api.inventory.SupplierSpec;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.ShipmentRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small store to try Hanse with: three locations, a style with variants, a kit, a personalized
 * item, stock, a supplier with a purchase order, customers and a few orders. It seeds only an empty
 * catalog, through the same api services every client uses, so restarts change nothing.
 */
@Component(immediate = true)
public class DemoStore {
  static final String MARKER_SKU = "TEE-NAVY-M";
  private static final Logger LOG = LoggerFactory.getLogger(DemoStore.class);
  private static final String USER = "demo";

  @Reference private CatalogService catalog;
  @Reference private InventoryService inventory;
  @Reference private PurchasingService purchasing;
  @Reference private CustomerService customers;
  @Reference private OrderService orders;

  private Thread seeding;

  /** Seeds in the background: activation threads must not wait for it, nor must the API. */
  @Activate
  void activate() {
    seeding =
        new Thread(
            () -> {
              if (catalog.findProduct(MARKER_SKU).isPresent()) {
                return;
              }
              try {
                seed();
                LOG.info("Demo store seeded");
              } catch (RuntimeException e) {
                LOG.warn("Demo store could not be seeded: {}", e.toString());
              }
            },
            "hanse-demo-store");
    seeding.setDaemon(true);
    seeding.start();
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    seeding.join(30_000);
  }

  private void seed() {
    inventory.putLocation(
        "WH-HAMBURG",
        new LocationSpec("Hamburg warehouse", LocationType.WAREHOUSE, Set.of("web", "catalog")));
    inventory.putLocation(
        "STORE-LUEBECK", new LocationSpec("Lübeck store", LocationType.STORE, Set.of("store")));
    inventory.putLocation(
        "STORE-BREMEN",
        new LocationSpec("Bremen store", LocationType.STORE, Set.of("store", "web")));

    catalog.putTemplate(
        new PersonalizationTemplate(
            "ENGRAVING",
            "Engraving",
            List.of(
                new PersonalizationField("initials", 3, "A-Z", true),
                new PersonalizationField("message", 30, "A-Za-z0-9 .,!'-", false))));

    for (String colour : List.of("navy", "white")) {
      for (String size : List.of("S", "M", "L")) {
        String sku = "TEE-" + colour.toUpperCase(java.util.Locale.ROOT) + "-" + size;
        product(
            sku,
            "Harbour tee " + colour + " " + size,
            "24.90",
            "TEE-HARBOUR",
            Map.of("colour", colour, "size", size),
            List.of(),
            false,
            null);
      }
    }
    product("MUG-ANCHOR", "Anchor mug", "12.50", null, Map.of(), List.of(), false, null);
    product("CANDLE-SEA", "Sea breeze candle", "18.00", null, Map.of(), List.of(), false, null);
    product(
        "GIFTBOX-SAILOR",
        "Sailor gift box",
        "49.00",
        null,
        Map.of(),
        List.of(new SkuQuantity("MUG-ANCHOR", 2), new SkuQuantity("CANDLE-SEA", 1)),
        false,
        null);
    product(
        "FLASK-STEEL",
        "Engraved steel flask",
        "39.00",
        null,
        Map.of(),
        List.of(),
        false,
        "ENGRAVING");
    product(
        "COMPASS-BRASS",
        "Brass compass (made to order)",
        "89.00",
        null,
        Map.of(),
        List.of(),
        true,
        null);

    stock(
        "WH-HAMBURG",
        Map.of(
            "TEE-NAVY-S",
            40,
            "TEE-NAVY-M",
            60,
            "TEE-NAVY-L",
            35,
            "TEE-WHITE-S",
            20,
            "TEE-WHITE-M",
            25,
            "TEE-WHITE-L",
            15,
            "MUG-ANCHOR",
            80,
            "CANDLE-SEA",
            30,
            "FLASK-STEEL",
            25));
    stock(
        "STORE-LUEBECK",
        Map.of("TEE-NAVY-M", 6, "TEE-WHITE-M", 4, "MUG-ANCHOR", 12, "CANDLE-SEA", 5));
    stock("STORE-BREMEN", Map.of("TEE-NAVY-L", 5, "MUG-ANCHOR", 8, "FLASK-STEEL", 3));

    purchasing.putSupplier(
        "NORDTEX",
        new SupplierSpec(
            "Nordtex GmbH",
            "orders@nordtex.example",
            List.of(
                new SupplierItem("TEE-NAVY-M", "NT-1001-M", Money.of("7.20", "EUR")),
                new SupplierItem("TEE-WHITE-M", "NT-1002-M", Money.of("6.90", "EUR")),
                new SupplierItem("MUG-ANCHOR", "NT-MUG-7", Money.of("3.10", "EUR")))));
    purchasing.createPurchaseOrder(
        new PurchaseOrderSpec(
            "NORDTEX",
            "WH-HAMBURG",
            List.of(new SkuQuantity("TEE-NAVY-M", 100), new SkuQuantity("MUG-ANCHOR", 50))),
        USER);

    Address kiel = new Address("Holstenstraße 12", null, "Kiel", "SH", "24103", "DE");
    customers.create(
        new CustomerSpec(
            "greta.hansen@example.com", "Greta Hansen", "+49 431 555 0101", List.of(kiel)));
    customers.create(
        new CustomerSpec(
            "ole.petersen@example.com", "Ole Petersen", "+49 451 555 0202", List.of()));

    var web =
        orders.place(
            new OrderSubmission(
                "web",
                "WEB-1001",
                "SPRING26",
                null,
                new CustomerRef("greta.hansen@example.com", "Greta Hansen", null),
                kiel,
                List.of(
                    new OrderLineRequest("TEE-NAVY-M", 2, Map.of()),
                    new OrderLineRequest("GIFTBOX-SAILOR", 1, Map.of()))),
            null,
            USER);
    orders.ship(
        web.order().id(),
        new ShipmentRequest(
            List.of(new SkuQuantity("TEE-NAVY-M", 2)), "DHL", "00340434161234567890"),
        USER);
    orders.place(
        new OrderSubmission(
            "phone",
            "CALL-2001",
            "CAT-AUTUMN",
            null,
            new CustomerRef("ole.petersen@example.com", "Ole Petersen", null),
            null,
            List.of(
                new OrderLineRequest(
                    "FLASK-STEEL", 1, Map.of("initials", "OP", "message", "Fair winds")))),
        null,
        USER);
    orders.place(
        new OrderSubmission(
            "pos",
            "LUE-0001",
            null,
            null,
            new CustomerRef("walk-in@example.com", "Walk-in customer", null),
            null,
            List.of(new OrderLineRequest("MUG-ANCHOR", 1, Map.of()))),
        null,
        USER);
  }

  private void product(
      String sku,
      String name,
      String price,
      String style,
      Map<String, String> attributes,
      List<SkuQuantity> components,
      boolean backorderable,
      String template) {
    catalog.putProduct(
        sku,
        new ProductSpec(
            name, Money.of(price, "EUR"), style, attributes, components, backorderable, template));
  }

  private void stock(String location, Map<String, Integer> quantities) {
    quantities.forEach(
        (sku, q) -> inventory.adjust(new StockAdjustment(sku, location, q, "opening stock"), USER));
  }
}
