package io.hanse.oms.api;

import java.util.List;

/** The request is malformed or breaks a rule of the domain; {@link #errors()} lists each fault. */
public class ValidationException extends OmsException {
  private static final long serialVersionUID = 1L;
  private final List<String> errors;

  public ValidationException(String message) {
    this(List.of(message));
  }

  public ValidationException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }

  @Override
  public String code() {
    return "invalid-request";
  }
}
