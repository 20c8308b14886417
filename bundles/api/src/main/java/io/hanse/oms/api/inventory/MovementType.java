package io.hanse.oms.api.inventory;

/** Why stock changed. Each change of on-hand or reserved quantity is one movement. */
public enum MovementType {
  RECEIPT,
  ADJUSTMENT,
  RESERVATION,
  RELEASE,
  SHIPMENT,
  RETURN
}
