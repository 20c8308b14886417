package io.hanse.oms.core.catalog;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One component of a kit: a SKU and how many go into one kit. */
@Embeddable
public class KitComponentEmbeddable {
  @Column(name = "component_sku")
  private String sku;

  private int quantity;

  protected KitComponentEmbeddable() {}

  public KitComponentEmbeddable(String sku, int quantity) {
    this.sku = sku;
    this.quantity = quantity;
  }

  public String sku() {
    return sku;
  }

  public int quantity() {
    return quantity;
  }
}
