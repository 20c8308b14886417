package io.hanse.oms.api.inventory;

import io.hanse.oms.api.Money;

/** One SKU on a purchase order, with how much was ordered and received so far. */
public record PurchaseOrderLine(
    String sku, String supplierSku, int ordered, int received, Money unitCost) {}
