package io.hanse.oms.core.inventory;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.inventory.SupplierItem;
import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A SKU a supplier sells, with its own SKU and cost. */
@Embeddable
public class SupplierItemEmbeddable {
  private String sku;

  @Column(name = "supplier_sku")
  private String supplierSku;

  @Column(name = "cost_amount")
  private BigDecimal cost;

  private String currency;

  protected SupplierItemEmbeddable() {}

  SupplierItemEmbeddable(SupplierItem item) {
    this.sku = item.sku();
    this.supplierSku = item.supplierSku();
    this.cost = item.cost().amount();
    this.currency = item.cost().currency();
  }

  String sku() {
    return sku;
  }

  SupplierItem toItem() {
    return new SupplierItem(sku, supplierSku, new Money(cost, currency));
  }
}
