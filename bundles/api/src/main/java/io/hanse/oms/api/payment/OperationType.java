package io.hanse.oms.api.payment;

/** A call to a gateway, recorded on the payment. */
public enum OperationType {
  AUTHORIZE,
  CAPTURE,
  VOID,
  REFUND
}
