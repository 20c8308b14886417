package io.hanse.oms.core.inventory;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import javax.persistence.Embeddable;

/** Identifies the stock of one SKU at one location. */
@Embeddable
public class StockKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The order in which every path that changes several stock rows in one transaction changes them —
   * SKU, then location, by code point, as PostgreSQL's {@code COLLATE "C"} and Derby's default
   * collation sort — so that two such transactions wait for each other instead of deadlocking
   * (decision 17).
   */
  public static final Comparator<StockKey> LOCK_ORDER =
      Comparator.comparing(StockKey::sku).thenComparing(StockKey::location);

  private String sku;
  private String location;

  protected StockKey() {}

  public StockKey(String sku, String location) {
    this.sku = sku;
    this.location = location;
  }

  public String sku() {
    return sku;
  }

  public String location() {
    return location;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StockKey k && sku.equals(k.sku) && location.equals(k.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sku, location);
  }
}
