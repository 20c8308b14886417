package io.hanse.oms.core.inventory;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.inventory.PurchaseOrderLine;
import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A SKU on a purchase order: ordered, received so far, and its unit cost. */
@Embeddable
public class PurchaseOrderLineEmbeddable {
  private String sku;

  @Column(name = "supplier_sku")
  private String supplierSku;

  private int ordered;
  private int received;

  @Column(name = "unit_cost")
  private BigDecimal unitCost;

  private String currency;

  protected PurchaseOrderLineEmbeddable() {}

  PurchaseOrderLineEmbeddable(String sku, String supplierSku, int ordered, Money unitCost) {
    this.sku = sku;
    this.supplierSku = supplierSku;
    this.ordered = ordered;
    this.unitCost = unitCost.amount();
    this.currency = unitCost.currency();
  }

  String sku() {
    return sku;
  }

  int open() {
    return ordered - received;
  }

  void receive(int quantity) {
    received += quantity;
  }

  PurchaseOrderLine toLine() {
    return new PurchaseOrderLine(
        sku, supplierSku, ordered, received, new Money(unitCost, currency));
  }
}
