package io.hanse.oms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsTakeTheScaleOfTheirCurrency() {
    assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
    assertThat(Money.of("10", "JPY").amount().scale()).isZero();
    assertThat(Money.of("2.50", "EUR").times(3)).isEqualTo(Money.of("7.50", "EUR"));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> Money.of("1.001", "EUR")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Money.of("1", "XXQ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Money.of("ten", "EUR")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(ValidationException.class);
  }
}
