package io.hanse.oms.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts carry the currency's minor-unit scale (two places for
 * EUR and USD), so {@code 10} and {@code 10.00} are the same money.
 *
 * @param amount the amount, never {@code null}
 * @param currency the ISO 4217 code, for example {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {

  public Money {
    if (amount == null) {
      throw new ValidationException("money amount is required");
    }
    if (currency == null || currency.isBlank()) {
      throw new ValidationException("money currency is required");
    }
    Currency iso;
    try {
      iso = Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("unknown currency: " + currency);
    }
    int scale = Math.max(iso.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > scale) {
      throw new ValidationException(
          "amount "
              + amount.toPlainString()
              + " has more than "
              + scale
              + " decimals for "
              + currency);
    }
    amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currency) {
    try {
      return new Money(new BigDecimal(amount), currency);
    } catch (NumberFormatException e) {
      throw new ValidationException("not a decimal amount: " + amount);
    }
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /** -1, 0 or 1 as the amount is negative, zero or positive. */
  public int signum() {
    return amount.signum();
  }

  private void requireSameCurrency(Money other) {
    if (!Objects.equals(currency, other.currency)) {
      throw new ValidationException("cannot mix currencies " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
