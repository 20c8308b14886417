package io.hanse.oms.api.inventory;

import io.hanse.oms.api.Money;

/** A SKU a supplier sells, under the supplier's own SKU and at a cost. */
public record SupplierItem(String sku, String supplierSku, Money cost) {}
