package io.hanse.oms.api.inventory;

import io.hanse.oms.api.SkuQuantity;
import java.util.List;

/**
 * A purchase order to raise: quantities per SKU from one supplier, to be received at one location.
 * Costs come from the supplier's items.
 */
public record PurchaseOrderSpec(String supplier, String location, List<SkuQuantity> lines) {}
