package io.hanse.oms.api.returns;

/** Where a return stands. */
public enum RmaStatus {
  /** The customer asked to return lines. */
  REQUESTED,
  /** The retailer agreed: the goods may be sent back. */
  AUTHORIZED,
  /** The goods arrived, were restocked or written off, and the refund was made. */
  RECEIVED,
  /** The retailer refused the return. */
  REJECTED
}
