package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.payment.vault.CardValidator.ValidCard;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardValidatorTest {
  /** The last moment of June 2026, UTC. */
  private static final Clock JUNE_2026 =
      Clock.fixed(Instant.parse("2026-06-30T23:59:59Z"), ZoneOffset.UTC);

  @Test
  void acceptsATypedCardAndKeepsDigitsOnly() {
    ValidCard card =
        CardValidator.validate(new CardDetails("4242 4242-4242 4242", 6, 2026, "123"), JUNE_2026);

    assertThat(card.number()).isEqualTo("4242424242424242");
    assertThat(card.brand()).isEqualTo("visa");
    assertThat(card.last4()).isEqualTo("4242");
    assertThat(card.cvc()).isEqualTo("123");
    assertThat(card.toString()).doesNotContain("4242", "123");
  }

  @Test
  void acceptsNineteenDigitsAndNoSecurityCode() {
    ValidCard card =
        CardValidator.validate(new CardDetails("6205500000000000004", 12, 2046, null), JUNE_2026);

    assertThat(card.brand()).isEqualTo("unionpay");
    assertThat(card.cvc()).isNull();
  }

  @Test
  void anAmexTakesFourDigitsAndABlankCodeCountsAsNone() {
    assertThat(
            CardValidator.validate(new CardDetails("378282246310005", 1, 2030, "1234"), JUNE_2026)
                .cvc())
        .isEqualTo("1234");
    assertThat(
            CardValidator.validate(new CardDetails("4242424242424242", 1, 2030, "  "), JUNE_2026)
                .cvc())
        .isNull();
  }

  @Test
  void theCardIsValidThroughTheLastDayOfItsMonthInUtc() {
    Clock firstOfJuly = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    CardDetails june = new CardDetails("4242424242424242", 6, 2026, null);

    assertThat(CardValidator.validate(june, JUNE_2026).expMonth()).isEqualTo(6);
    assertThatThrownBy(() -> CardValidator.validate(june, firstOfJuly))
        .hasMessage("the card has expired");
  }

  @ParameterizedTest(name = "{0} / {1}-{2} / {3}: {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // bad Luhn, too short, too long, letters, nothing
        "4242424242424241    | 12 | 2030 | 123   | number is not a valid card number: its check digit is wrong",
        "42424242424         | 12 | 2030 | 123   | number must have 12 to 19 digits, not 11",
        "42424242424242424242| 12 | 2030 | 123   | number must have 12 to 19 digits, not 20",
        "4242-4242-4242-424x | 12 | 2030 | 123   | number may contain only digits, spaces and dashes",
        "4242.4242.4242.4242 | 12 | 2030 | 123   | number may contain only digits, spaces and dashes",
        "' '                 | 12 | 2030 | 123   | number is required",
        // expiry
        "4242424242424242    | 5  | 2026 | 123   | the card has expired",
        "4242424242424242    | 12 | 2025 | 123   | the card has expired",
        "4242424242424242    | 0  | 2030 | 123   | expMonth must be 1 to 12",
        "4242424242424242    | 13 | 2030 | 123   | expMonth must be 1 to 12",
        "4242424242424242    | 12 | 30   | 123   | expYear must have four digits",
        "4242424242424242    | 12 | 2047 | 123   | expYear must be at most 2046",
        // security code
        "4242424242424242    | 12 | 2030 | 12    | cvc must be 3 digits",
        "4242424242424242    | 12 | 2030 | 1234  | cvc must be 3 digits",
        "4242424242424242    | 12 | 2030 | 12a   | cvc must be 3 digits",
        "378282246310005     | 12 | 2030 | 123   | cvc must be 4 digits for amex",
        "4242424242424241    | 12 | 2030 | 12345 | number is not a valid card number: its check digit is wrong; cvc must be 3 or 4 digits"
      })
  void rejectsWithAMessageThatNeverQuotesTheCard(
      String number, int month, int year, String cvc, String message) {
    CardDetails card = new CardDetails(number, month, year, cvc);

    assertThatThrownBy(() -> CardValidator.validate(card, JUNE_2026))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .satisfies(e -> assertNeverQuoted(e.getMessage(), number, cvc));
  }

  @Test
  void reportsEveryFaultAtOnce() {
    CardDetails card = new CardDetails("4242424242424241", 13, 2020, "1");

    assertThatThrownBy(() -> CardValidator.validate(card, JUNE_2026))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "number is not a valid card number: its check digit is wrong",
                        "expMonth must be 1 to 12",
                        "the card has expired",
                        "cvc must be 3 or 4 digits"));
  }

  @Test
  void aMissingCardIsAValidationError() {
    assertThatThrownBy(() -> CardValidator.validate(null, JUNE_2026))
        .isInstanceOf(ValidationException.class)
        .hasMessage("card is required");
  }

  private static void assertNeverQuoted(String message, String number, String cvc) {
    String digits = CardNumbers.strip(number);
    if (!number.isBlank()) {
      assertThat(message).doesNotContain(number.strip());
    }
    if (digits.length() >= 4) {
      // not even the last four, nor any run of six digits of the number
      for (int i = 0; i + 6 <= digits.length(); i++) {
        assertThat(message).doesNotContain(digits.substring(i, i + 6));
      }
    }
    if (cvc.length() >= 3) {
      assertThat(message).doesNotContain(cvc);
    }
  }
}
