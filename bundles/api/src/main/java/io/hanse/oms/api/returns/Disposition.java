package io.hanse.oms.api.returns;

/** What becomes of a returned item. */
public enum Disposition {
  /** Back on the shelf: available to sell again at the receiving location. */
  RESTOCK,
  /** Damaged or unsellable: recorded, not put back. */
  WRITE_OFF
}
