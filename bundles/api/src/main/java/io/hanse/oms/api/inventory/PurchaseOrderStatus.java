package io.hanse.oms.api.inventory;

/** Where a purchase order stands. */
public enum PurchaseOrderStatus {
  OPEN,
  PARTIALLY_RECEIVED,
  RECEIVED,
  CANCELLED
}
