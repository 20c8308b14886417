package io.hanse.oms.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.Money;
import org.junit.jupiter.api.Test;

class StripeAmountsTest {

  @Test
  void amountsAreInStripesMinorUnits() {
    assertThat(StripeAmounts.minor(Money.of("19.99", "EUR"))).isEqualTo(1999);
    assertThat(StripeAmounts.minor(Money.of("10", "USD"))).isEqualTo(1000);
    assertThat(StripeAmounts.minor(Money.of("500", "JPY"))).isEqualTo(500);
    assertThat(StripeAmounts.minor(Money.of("1.230", "KWD"))).isEqualTo(1230);
    // Stripe's special cases: ISK stays two-decimal, MGA is zero-decimal
    assertThat(StripeAmounts.minor(Money.of("5", "ISK"))).isEqualTo(500);
    assertThat(StripeAmounts.minor(Money.of("500", "MGA"))).isEqualTo(500);
    assertThatThrownBy(() -> StripeAmounts.minor(Money.of("10.50", "MGA")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stripesAmountsReadBack() {
    assertThat(StripeAmounts.money(1999, "eur")).isEqualTo(Money.of("19.99", "EUR"));
    assertThat(StripeAmounts.money(500, "jpy")).isEqualTo(Money.of("500", "JPY"));
    assertThat(StripeAmounts.money(500, "isk")).isEqualTo(Money.of("5", "ISK"));
  }
}
