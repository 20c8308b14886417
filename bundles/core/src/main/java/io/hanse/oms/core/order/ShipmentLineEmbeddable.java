package io.hanse.oms.core.order;

import io.hanse.oms.api.SkuQuantity;
import javax.persistence.Embeddable;

/** A SKU and quantity in a shipment. */
@Embeddable
public class ShipmentLineEmbeddable {
  private String sku;
  private int quantity;

  protected ShipmentLineEmbeddable() {}

  ShipmentLineEmbeddable(SkuQuantity line) {
    this.sku = line.sku();
    this.quantity = line.quantity();
  }

  SkuQuantity toLine() {
    return new SkuQuantity(sku, quantity);
  }
}
