package io.hanse.oms.payment.vault;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardDetails;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a card passes before it is stored. Every fault is reported at once, and every message
 * names the field, never what was typed into it.
 */
final class CardValidator {
  static final int MAX_YEARS_AHEAD = 20;

  /** A card that passed: digits only, with its brand. */
  record ValidCard(String number, String brand, int expMonth, int expYear, String cvc) {
    String last4() {
      return number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
      return "ValidCard[redacted]";
    }
  }

  private CardValidator() {}

  static ValidCard validate(CardDetails card, Clock clock) {
    if (card == null) {
      throw new ValidationException("card is required");
    }
    List<String> errors = new ArrayList<>();
    String number = number(card.number(), errors);
    String brand = number == null ? null : CardNumbers.brand(number);
    expiry(card.expMonth(), card.expYear(), YearMonth.now(clock.withZone(ZoneOffset.UTC)), errors);
    String cvc = cvc(card.cvc(), brand, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ValidCard(number, brand, card.expMonth(), card.expYear(), cvc);
  }

  /** The digits of a well-formed number, else null with the fault added to {@code errors}. */
  private static String number(String typed, List<String> errors) {
    if (typed == null || typed.isBlank()) {
      errors.add("number is required");
      return null;
    }
    String digits = CardNumbers.strip(typed);
    if (!CardNumbers.isDigits(digits)) {
      errors.add("number may contain only digits, spaces and dashes");
      return null;
    }
    if (digits.length() < CardNumbers.MIN_DIGITS || digits.length() > CardNumbers.MAX_DIGITS) {
      errors.add(
          "number must have "
              + CardNumbers.MIN_DIGITS
              + " to "
              + CardNumbers.MAX_DIGITS
              + " digits, not "
              + digits.length());
      return null;
    }
    if (!CardNumbers.luhn(digits)) {
      errors.add("number is not a valid card number: its check digit is wrong");
      return null;
    }
    return digits;
  }

  private static void expiry(int month, int year, YearMonth now, List<String> errors) {
    boolean monthOk = month >= 1 && month <= 12;
    if (!monthOk) {
      errors.add("expMonth must be 1 to 12");
    }
    if (year < 1000 || year > 9999) {
      errors.add("expYear must have four digits");
    } else if (year > now.getYear() + MAX_YEARS_AHEAD) {
      errors.add("expYear must be at most " + (now.getYear() + MAX_YEARS_AHEAD));
    } else if (year < now.getYear() || (monthOk && YearMonth.of(year, month).isBefore(now))) {
      errors.add("the card has expired");
    }
  }

  /** The security code, or null when none was given. */
  private static String cvc(String cvc, String brand, List<String> errors) {
    if (cvc == null || cvc.isBlank()) {
      return null;
    }
    String code = cvc.strip();
    boolean digits = CardNumbers.isDigits(code);
    if (brand == null) {
      if (!digits || code.length() < 3 || code.length() > 4) {
        errors.add("cvc must be 3 or 4 digits");
      }
    } else if ("amex".equals(brand)) {
      if (!digits || code.length() != 4) {
        errors.add("cvc must be 4 digits for amex");
      }
    } else if (!digits || code.length() != 3) {
      errors.add("cvc must be 3 digits");
    }
    return code;
  }
}
