package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Amounts in the minor units Stripe expects: the ISO 4217 decimals of the currency, except where
 * Stripe's own table differs. ISK stays two-decimal at Stripe (an amount of 100 is one króna) and
 * MGA is zero-decimal there (docs.stripe.com/currencies, special cases).
 */
final class StripeAmounts {
  private static final Map<String, Integer> STRIPE_DECIMALS = Map.of("ISK", 2, "MGA", 0);

  private StripeAmounts() {}

  static int decimals(String currency) {
    String code = currency.toUpperCase(Locale.ROOT);
    Integer stripe = STRIPE_DECIMALS.get(code);
    return stripe != null
        ? stripe
        : Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
  }

  /**
   * {@code 19.99 EUR} as {@code 1999}.
   *
   * @throws IllegalArgumentException when the amount has decimals Stripe can't take in its currency
   */
  static long minor(Money money) {
    try {
      return money.amount().movePointRight(decimals(money.currency())).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Stripe takes " + money.currency() + " in whole units only, not " + money, e);
    }
  }

  /** Stripe's {@code 1999} and {@code "eur"} as {@code 19.99 EUR}. */
  static Money money(long minor, String currency) {
    String code = currency.toUpperCase(Locale.ROOT);
    return new Money(BigDecimal.valueOf(minor, decimals(code)), code);
  }
}
