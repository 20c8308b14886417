package io.hanse.oms.api.payment;

import io.hanse.oms.api.ValidationException;
import java.util.Locale;

/** How a customer pays; the lower-case name is the {@code method} of the REST and SOAP APIs. */
public enum Tender {
  CARD,
  GIFTCARD,
  CHECK,
  ACCOUNT;

  /** {@code card}, {@code giftcard}, {@code check} or {@code account}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The tender named {@code code}, in any case.
   *
   * @throws ValidationException for anything else
   */
  public static Tender of(String code) {
    if (code != null) {
      for (Tender t : values()) {
        if (t.code().equalsIgnoreCase(code.trim())) {
          return t;
        }
      }
    }
    throw new ValidationException(
        "payment method must be card, giftcard, check or account, not " + code);
  }
}
