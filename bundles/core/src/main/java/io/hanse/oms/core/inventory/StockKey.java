package io.hanse.oms.core.inventory;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Embeddable;

/** Identifies the stock of one SKU at one location. */
@Embeddable
public class StockKey implements Serializable {
  private static final long serialVersionUID = 1L;
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
