package io.hanse.oms.core.inventory;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.inventory.StockMovement;
import io.hanse.oms.api.inventory.StockSummary;
import io.hanse.oms.core.catalog.ProductEntity;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Locations, stock levels and the movement log. */
@Component(service = InventoryService.class)
public class InventoryServiceImpl implements InventoryService {
  static final int MAX_ADJUSTMENT = 1_000_000;

  private final Transactions tx;

  @Activate
  public InventoryServiceImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Location putLocation(String code, LocationSpec spec) {
    Checks checks = new Checks().code("code", code).required("location", spec);
    checks.orThrow();
    checks
        .required("name", spec.name())
        .maxLength("name", spec.name(), 200)
        .required("type", spec.type())
        .that(
            spec.departments() != null && !spec.departments().isEmpty(),
            "departments must name at least one of " + Location.DEPARTMENTS)
        .that(
            spec.departments() == null || Location.DEPARTMENTS.containsAll(spec.departments()),
            "departments may only be " + Location.DEPARTMENTS)
        .orThrow();
    Location saved =
        tx.write(
            em -> {
              LocationEntity location = em.find(LocationEntity.class, code);
              if (location == null) {
                location = new LocationEntity(code);
                location.replace(spec.name(), spec.type(), spec.departments());
                em.persist(location);
              } else {
                location.replace(spec.name(), spec.type(), spec.departments());
              }
              return location.toLocation();
            });
    LocationDirectory.changed();
    return saved;
  }

  @Override
  public List<Location> listLocations() {
    return tx.read(em -> locations(em).stream().map(LocationEntity::toLocation).toList());
  }

  @Override
  public LocationStock adjust(StockAdjustment adjustment, String user) {
    new Checks()
        .required("adjustment", adjustment)
        .that(adjustment == null || adjustment.quantity() != 0, "quantity must not be zero")
        .that(
            adjustment == null || Math.abs(adjustment.quantity()) <= MAX_ADJUSTMENT,
            "quantity must be between -" + MAX_ADJUSTMENT + " and " + MAX_ADJUSTMENT)
        .that(adjustment == null || adjustment.sku() != null, "sku is required")
        .that(adjustment == null || adjustment.location() != null, "location is required")
        .maxLength("reason", adjustment == null ? null : adjustment.reason(), 200)
        .orThrow();
    return tx.write(
        em -> {
          requireStockedProduct(em, adjustment.sku());
          requireLocation(em, adjustment.location());
          String reason = adjustment.reason() == null ? "adjustment" : adjustment.reason();
          return new StockLedger(em, user, null)
              .changeOnHand(
                  adjustment.sku(),
                  adjustment.location(),
                  adjustment.quantity(),
                  MovementType.ADJUSTMENT,
                  reason);
        });
  }

  @Override
  public void returnToStock(String location, List<SkuQuantity> lines, String reason, String user) {
    Checks checks =
        new Checks()
            .required("location", location)
            .that(lines != null && !lines.isEmpty() && lines.size() <= 500, "1 to 500 lines")
            .maxLength("reason", reason, 200);
    if (lines != null) {
      for (SkuQuantity line : lines) {
        checks
            .that(line != null && line.sku() != null, "lines.sku is required")
            .that(
                line == null || (line.quantity() >= 1 && line.quantity() <= MAX_ADJUSTMENT),
                "lines.quantity must be between 1 and " + MAX_ADJUSTMENT);
      }
    }
    checks.orThrow();
    tx.write(
        em -> {
          restock(em, location, lines, reason, user);
          return null;
        });
  }

  /** Units of a SKU put back on hand at a location. */
  public record Restock(String location, SkuQuantity units) {}

  /**
   * Puts returned goods back on hand at a location within the caller's transaction (a kit returns
   * its components).
   *
   * @throws ValidationException for an unknown SKU or location
   */
  public static void restock(
      EntityManager em, String location, List<SkuQuantity> lines, String reason, String user) {
    restock(em, lines.stream().map(l -> new Restock(location, l)).toList(), reason, user);
  }

  /**
   * Puts returned goods back on hand, each line at its location, within the caller's transaction (a
   * kit returns its components). The stock rows change in {@link StockKey#LOCK_ORDER}, so that this
   * and other transactions changing several of them never deadlock.
   *
   * @throws ValidationException for an unknown SKU or location
   */
  public static void restock(EntityManager em, List<Restock> lines, String reason, String user) {
    lines.stream().map(Restock::location).distinct().forEach(l -> requireLocation(em, l));
    List<Restock> units = new ArrayList<>();
    for (Restock line : lines) {
      ProductEntity product = em.find(ProductEntity.class, line.units().sku());
      if (product == null) {
        throw new ValidationException("unknown sku: " + line.units().sku());
      }
      if (product.isKit()) {
        product
            .components()
            .forEach(
                c ->
                    units.add(
                        new Restock(
                            line.location(),
                            new SkuQuantity(c.sku(), c.quantity() * line.units().quantity()))));
      } else {
        units.add(line);
      }
    }
    units.sort(
        Comparator.comparing(
            u -> new StockKey(u.units().sku(), u.location()), StockKey.LOCK_ORDER));
    StockLedger ledger = new StockLedger(em, user, null);
    for (Restock unit : units) {
      ledger.changeOnHand(
          unit.units().sku(),
          unit.location(),
          unit.units().quantity(),
          MovementType.RETURN,
          reason == null ? "return" : reason);
    }
  }

  @Override
  public LocationStock setSafetyStock(String sku, String location, int quantity, String user) {
    new Checks().range("safetyStock", quantity, 0, MAX_ADJUSTMENT).orThrow();
    return tx.write(
        em -> {
          requireStockedProduct(em, sku);
          requireLocation(em, location);
          return new StockLedger(em, user, null).setSafetyStock(sku, location, quantity);
        });
  }

  @Override
  public StockSummary stock(String sku, String department) {
    if (department != null && !Location.DEPARTMENTS.contains(department)) {
      throw new ValidationException("department must be one of " + Location.DEPARTMENTS);
    }
    return tx.read(
        em -> {
          ProductEntity product = em.find(ProductEntity.class, sku);
          if (product == null) {
            throw new NotFoundException("product", sku);
          }
          List<String> locations = locationCodes(em, department);
          if (!product.isKit()) {
            return summarize(sku, levels(em, List.of(sku), locations).getOrDefault(sku, List.of()));
          }
          List<SkuQuantity> components =
              product.components().stream()
                  .map(c -> new SkuQuantity(c.sku(), c.quantity()))
                  .toList();
          return KitStock.summarize(
              sku,
              components,
              levels(em, components.stream().map(SkuQuantity::sku).toList(), locations));
        });
  }

  @Override
  public List<StockMovement> movements(String sku, int limit) {
    return tx.read(
        em ->
            em
                .createQuery(
                    "select m from StockMovementEntity m where m.sku = :sku"
                        + " order by m.createdAt desc, m.id desc",
                    StockMovementEntity.class)
                .setParameter("sku", sku)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultList()
                .stream()
                .map(StockMovementEntity::toMovement)
                .toList());
  }

  static StockSummary summarize(String sku, List<LocationStock> levels) {
    int onHand = levels.stream().mapToInt(LocationStock::onHand).sum();
    int reserved = levels.stream().mapToInt(LocationStock::reserved).sum();
    return new StockSummary(sku, onHand, reserved, onHand - reserved, levels);
  }

  /** Stock per location of the given SKUs, limited to the given locations. */
  static Map<String, List<LocationStock>> levels(
      EntityManager em, Collection<String> skus, Collection<String> locations) {
    Map<String, List<LocationStock>> bySku = new HashMap<>();
    if (locations.isEmpty()) {
      return bySku;
    }
    em.createQuery(
            "select s from StockLevelEntity s where s.key.sku in :skus"
                + " and s.key.location in :locations order by s.key.location",
            StockLevelEntity.class)
        .setParameter("skus", InLists.padded(skus))
        .setParameter("locations", InLists.padded(locations))
        .getResultList()
        .forEach(
            s ->
                bySku
                    .computeIfAbsent(s.key().sku(), k -> new java.util.ArrayList<>())
                    .add(s.toLocationStock()));
    return bySku;
  }

  /** Codes of the locations serving a department, or of all locations for {@code null}. */
  public static List<String> locationCodes(EntityManager em, String department) {
    return LocationDirectory.serving(em, department);
  }

  private static List<LocationEntity> locations(EntityManager em) {
    return em.createQuery("select l from LocationEntity l order by l.code", LocationEntity.class)
        .getResultList();
  }

  static void requireStockedProduct(EntityManager em, String sku) {
    ProductEntity product = em.find(ProductEntity.class, sku);
    if (product == null) {
      throw new ValidationException("unknown sku: " + sku);
    }
    if (product.isKit()) {
      throw new ValidationException(
          "sku " + sku + " is a kit: its stock is that of its components");
    }
  }

  static void requireLocation(EntityManager em, String location) {
    if (location == null || em.find(LocationEntity.class, location) == null) {
      throw new ValidationException("unknown location: " + location);
    }
  }
}
