package io.hanse.oms.api;

/** The request is valid but conflicts with the current state, e.g. cancelling a shipped order. */
public class ConflictException extends OmsException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "conflict";
  }
}
