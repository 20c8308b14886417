package io.hanse.oms.api;

/**
 * A request the OMS refuses. Each subclass names one kind of refusal, which every interface
 * translates for its callers (an HTTP status and problem JSON, a SOAP fault, a shell message).
 * Nothing has changed when one is thrown.
 */
public abstract class OmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected OmsException(String message) {
    super(message);
  }

  /** A short, stable, kebab-case code for this kind of problem, e.g. {@code insufficient-stock}. */
  public abstract String code();
}
