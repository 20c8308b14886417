package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // the published test cards of the brands
    "4242424242424242, visa",
    "4222222222222, visa",
    "4000000000000000006, visa",
    "5555555555554444, mastercard",
    "5105105105105100, mastercard",
    "2223003122003222, mastercard",
    "2720990000000007, mastercard",
    "378282246310005, amex",
    "371449635398431, amex",
    "6011111111111117, discover",
    "6445644564456445, discover",
    "6500000000000002, discover",
    "3056930009020004, diners",
    "36227206271667, diners",
    "38520000023237, diners",
    "3566002020360505, jcb",
    "6200000000000005, unionpay",
    "6205500000000000004, unionpay",
    // the edges of each prefix range
    "2221000000000009, mastercard",
    "2720000000000005, mastercard",
    "2220000000000000, unknown",
    "2721000000000004, unknown",
    "5000000000000009, unknown",
    "5600000000000003, unknown",
    "6011000000000004, discover",
    "6012000000000003, unknown",
    "6440000000000005, discover",
    "6490000000000004, discover",
    "6430000000000007, unknown",
    "30000000000004, diners",
    "30500000000003, diners",
    "30600000000001, unknown",
    "39000000000005, diners",
    "3528000000000007, jcb",
    "3589000000000003, jcb",
    "3527000000000008, unknown",
    "3590000000000000, unknown",
    "340000000000009, amex",
    "9999999999999995, unknown",
    "1234567812345670, unknown"
  })
  void brandByPrefixAndLuhnOfValidNumbers(String number, String brand) {
    assertThat(CardNumbers.brand(number)).isEqualTo(brand);
    assertThat(CardNumbers.luhn(number)).as("Luhn").isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4242424242424241",
        "4242424242424243",
        "5555555555554440",
        "378282246310006",
        "6205500000000000005",
        "1234567812345678"
      })
  void luhnRejectsAWrongCheckDigit(String number) {
    assertThat(CardNumbers.luhn(number)).isFalse();
  }

  @Test
  void luhnCatchesASwapOfNeighbours() {
    assertThat(CardNumbers.luhn("4242424242424242")).isTrue();
    assertThat(CardNumbers.luhn("2424242424242442")).isFalse();
  }

  @Test
  void stripRemovesSpacesAndDashesOnly() {
    assertThat(CardNumbers.strip(" 4242 4242-4242\t4242 ")).isEqualTo("4242424242424242");
    assertThat(CardNumbers.strip("4242.4242")).isEqualTo("4242.4242");
  }

  @Test
  void digitsAreAsciiOnly() {
    assertThat(CardNumbers.isDigits("0123456789")).isTrue();
    assertThat(CardNumbers.isDigits("")).isFalse();
    assertThat(CardNumbers.isDigits("42x2")).isFalse();
    // Arabic-Indic digits are digits to Character.isDigit, not to a card network
    assertThat(CardNumbers.isDigits("٤٢٤٢")).isFalse();
  }
}
