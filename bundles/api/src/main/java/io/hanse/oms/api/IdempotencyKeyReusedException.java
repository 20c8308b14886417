package io.hanse.oms.api;

/** An idempotency key came back with a different request than the one it was first used for. */
public class IdempotencyKeyReusedException extends OmsException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException(String key) {
    super("idempotency key " + key + " was already used for a different request");
  }

  @Override
  public String code() {
    return "idempotency-key-reused";
  }
}
