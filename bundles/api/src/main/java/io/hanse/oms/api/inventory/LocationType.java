package io.hanse.oms.api.inventory;

/** What kind of place holds stock. */
public enum LocationType {
  WAREHOUSE,
  STORE
}
