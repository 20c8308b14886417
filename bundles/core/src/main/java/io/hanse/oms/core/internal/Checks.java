package io.hanse.oms.core.internal;

import io.hanse.oms.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every fault of a request before refusing it, so that callers learn all they must fix at
 * once.
 */
public final class Checks {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private final List<String> errors = new ArrayList<>();

  /** A SKU, location, supplier or template code: letters, digits, '.', '_', '-', at most 64. */
  public Checks code(String field, String value) {
    if (value == null || !CODE.matcher(value).matches()) {
      errors.add(field + " must be 1-64 letters, digits, '.', '_' or '-'");
    }
    return this;
  }

  public Checks required(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(field + " is required");
    }
    return this;
  }

  public Checks maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(field + " is longer than " + max + " characters");
    }
    return this;
  }

  public Checks email(String field, String value) {
    if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
      errors.add(field + " must be an email address");
    }
    return this;
  }

  public Checks range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      errors.add(field + " must be between " + min + " and " + max);
    }
    return this;
  }

  public Checks that(boolean condition, String error) {
    if (!condition) {
      errors.add(error);
    }
    return this;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Throws one {@link ValidationException} naming every fault found, if any. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
