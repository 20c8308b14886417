package io.hanse.oms.payment.vault;

import java.util.List;

/** Card number rules: what may be typed, the Luhn check digit, and the brand by prefix. */
final class CardNumbers {
  static final String UNKNOWN = "unknown";
  static final int MIN_DIGITS = 12;
  static final int MAX_DIGITS = 19;

  /** Numbers whose first {@code digits} digits lie in {@code low..high} belong to {@code brand}. */
  private record Range(String brand, int digits, int low, int high) {
    boolean matches(String number) {
      if (number.length() < digits) {
        return false;
      }
      int prefix = Integer.parseInt(number.substring(0, digits));
      return prefix >= low && prefix <= high;
    }
  }

  private static final List<Range> RANGES =
      List.of(
          new Range("visa", 1, 4, 4),
          new Range("mastercard", 2, 51, 55),
          new Range("mastercard", 4, 2221, 2720),
          new Range("amex", 2, 34, 34),
          new Range("amex", 2, 37, 37),
          new Range("discover", 4, 6011, 6011),
          new Range("discover", 3, 644, 649),
          new Range("discover", 2, 65, 65),
          new Range("diners", 2, 36, 36),
          new Range("diners", 3, 300, 305),
          new Range("diners", 2, 38, 39),
          new Range("jcb", 4, 3528, 3589),
          new Range("unionpay", 2, 62, 62));

  private CardNumbers() {}

  /** The number without the spaces and dashes people type to group its digits. */
  static String strip(String typed) {
    StringBuilder digits = new StringBuilder(typed.length());
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c != '-' && !Character.isWhitespace(c)) {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /** Only ASCII digits, at least one. */
  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The Luhn (mod 10) check over a string of digits. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /** {@code visa}, {@code mastercard}, ... or {@value #UNKNOWN}, from a string of digits. */
  static String brand(String digits) {
    for (Range range : RANGES) {
      if (range.matches(digits)) {
        return range.brand();
      }
    }
    return UNKNOWN;
  }
}
