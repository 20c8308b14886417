package io.hanse.oms.api;

/** The thing asked for does not exist. */
public class NotFoundException extends OmsException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what, String id) {
    super(what + " not found: " + id);
  }

  @Override
  public String code() {
    return "not-found";
  }
}
