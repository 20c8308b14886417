package io.hanse.oms.core.inventory;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.StockSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Derives a kit's stock from its components: a kit is available as often as its scarcest component
 * allows. Over all locations a kit may draw each component from a different location, just as a
 * reservation does.
 */
public final class KitStock {
  private KitStock() {}

  /**
   * The kit's stock per location and over all locations.
   *
   * @param components the kit's components with quantity per kit
   * @param stock each component's stock per location
   */
  public static StockSummary summarize(
      String kitSku, List<SkuQuantity> components, Map<String, List<LocationStock>> stock) {
    TreeSet<String> locations = new TreeSet<>();
    stock.values().forEach(list -> list.forEach(ls -> locations.add(ls.location())));
    List<LocationStock> perLocation = new ArrayList<>();
    for (String location : locations) {
      int onHand = Integer.MAX_VALUE;
      int available = Integer.MAX_VALUE;
      for (SkuQuantity c : components) {
        LocationStock ls = find(stock.get(c.sku()), location);
        onHand = Math.min(onHand, ls == null ? 0 : ls.onHand() / c.quantity());
        available = Math.min(available, ls == null ? 0 : ls.available() / c.quantity());
      }
      perLocation.add(new LocationStock(location, onHand, onHand - available, available, 0));
    }
    int onHand = Integer.MAX_VALUE;
    int available = Integer.MAX_VALUE;
    for (SkuQuantity c : components) {
      List<LocationStock> list = stock.getOrDefault(c.sku(), List.of());
      onHand = Math.min(onHand, list.stream().mapToInt(LocationStock::onHand).sum() / c.quantity());
      available =
          Math.min(
              available, list.stream().mapToInt(LocationStock::available).sum() / c.quantity());
    }
    if (components.isEmpty()) {
      onHand = 0;
      available = 0;
    }
    return new StockSummary(kitSku, onHand, onHand - available, available, perLocation);
  }

  private static LocationStock find(List<LocationStock> list, String location) {
    if (list == null) {
      return null;
    }
    for (LocationStock ls : list) {
      if (ls.location().equals(location)) {
        return ls;
      }
    }
    return null;
  }
}
