package io.hanse.oms.core.order;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.InsufficientStockException.Shortage;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.core.inventory.StockLedger.Grant;
import io.hanse.oms.core.inventory.StockReservations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reserves an order's stock. Lines are turned into demands per stocked SKU (a kit line demands its
 * components), demands on the same SKU are added up, and SKUs are reserved in sorted order so that
 * concurrent orders lock rows in the same order. A SKU that takes no backorders must be reserved
 * whole, or the order is refused whole.
 */
final class Allocation {

  /** Units of a stocked SKU that one order line needs. */
  record Demand(int lineNo, String sku, int units, boolean backorderable) {}

  /** Units reserved for a line at a location. */
  record Reserved(int lineNo, String sku, String location, int quantity) {}

  private final List<Reserved> reservations = new ArrayList<>();
  private final Map<Integer, Map<String, Integer>> unitsByLine = new HashMap<>();

  /**
   * Reserves every demand or throws.
   *
   * @throws InsufficientStockException when a SKU without backorders is short; the caller's
   *     transaction then rolls back what was reserved
   */
  static Allocation reserve(
      List<Demand> demands, StockReservations ledger, Collection<String> locations) {
    Allocation allocation = new Allocation();
    Map<String, List<Demand>> bySku = new TreeMap<>();
    demands.forEach(d -> bySku.computeIfAbsent(d.sku(), k -> new ArrayList<>()).add(d));
    List<Shortage> shortages = new ArrayList<>();
    Map<String, List<Grant>> availability = ledger.availability(bySku.keySet(), locations);
    for (Map.Entry<String, List<Demand>> e : bySku.entrySet()) {
      String sku = e.getKey();
      List<Demand> skuDemands = new ArrayList<>(e.getValue());
      int total = skuDemands.stream().mapToInt(Demand::units).sum();
      int mandatory =
          skuDemands.stream().filter(d -> !d.backorderable()).mapToInt(Demand::units).sum();
      List<Grant> grants =
          ledger.reserveUpTo(sku, total, availability.getOrDefault(sku, List.of()));
      int got = grants.stream().mapToInt(Grant::quantity).sum();
      if (got < mandatory) {
        shortages.add(new Shortage(sku, mandatory, got));
        continue;
      }
      // Lines that must be whole are served first, then backorderable ones in line order.
      skuDemands.sort(Comparator.comparing(Demand::backorderable).thenComparingInt(Demand::lineNo));
      allocation.distribute(skuDemands, grants);
    }
    if (!shortages.isEmpty()) {
      throw new InsufficientStockException(shortages);
    }
    return allocation;
  }

  private void distribute(List<Demand> demands, List<Grant> grants) {
    int g = 0;
    int leftInGrant = grants.isEmpty() ? 0 : grants.get(0).quantity();
    for (Demand d : demands) {
      int needed = d.units();
      while (needed > 0 && g < grants.size()) {
        int take = Math.min(needed, leftInGrant);
        if (take > 0) {
          reservations.add(new Reserved(d.lineNo(), d.sku(), grants.get(g).location(), take));
          unitsByLine
              .computeIfAbsent(d.lineNo(), k -> new HashMap<>())
              .merge(d.sku(), take, Integer::sum);
          needed -= take;
          leftInGrant -= take;
        }
        if (leftInGrant == 0 && ++g < grants.size()) {
          leftInGrant = grants.get(g).quantity();
        }
      }
    }
  }

  List<Reserved> reservations() {
    return reservations;
  }

  /**
   * How many whole units of a line are reserved: for a plain SKU its units, for a kit the number of
   * complete kits its reserved components make.
   */
  int reservedUnits(int lineNo, String sku, List<SkuQuantity> kitComponents) {
    Map<String, Integer> units = unitsByLine.getOrDefault(lineNo, Map.of());
    if (kitComponents.isEmpty()) {
      return units.getOrDefault(sku, 0);
    }
    int kits = Integer.MAX_VALUE;
    for (SkuQuantity c : kitComponents) {
      kits = Math.min(kits, units.getOrDefault(c.sku(), 0) / c.quantity());
    }
    return kits;
  }
}
