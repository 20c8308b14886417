package io.hanse.oms.api.payment;

/**
 * The gateway could not be reached or did not answer in time: the operation may or may not have
 * happened there. It is retried later with the same idempotency key, which makes the gateway answer
 * with the first outcome instead of acting twice.
 */
public class PaymentUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PaymentUnavailableException(String message) {
    super(message);
  }

  public PaymentUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
