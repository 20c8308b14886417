package io.hanse.oms.payment.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GiftCodesTest {

  @Test
  void codesAreSixteenUnambiguousCharacters() {
    GiftCodes codes = new GiftCodes(new SecureRandom());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = codes.generate();
      assertThat(code)
          .hasSize(16)
          .matches("[0-9A-HJKMNP-TV-Z]{16}")
          .doesNotContain("I", "L", "O", "U");
      seen.add(code);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void typedCodesAreNormalised() {
    assertThat(GiftCodes.normalise(" abcd-efgh 1234-5678 ")).contains("ABCDEFGH12345678");
    // Crockford: I and L are read as one, O as zero
    assertThat(GiftCodes.normalise("iLo0-0000-0000-0000")).contains("1100000000000000");
    assertThat(GiftCodes.normalise("ABCD-EFGH-1234-567")).isEmpty();
    assertThat(GiftCodes.normalise("ABCD-EFGH-1234-56789")).isEmpty();
    assertThat(GiftCodes.normalise("ABCD-EFGH-1234-567U")).isEmpty();
    assertThat(GiftCodes.normalise(null)).isEmpty();
  }

  @Test
  void shownGroupedHashedAndLastFour() {
    assertThat(GiftCodes.grouped("ABCDEFGH12345678")).isEqualTo("ABCD-EFGH-1234-5678");
    assertThat(GiftCodes.last4("ABCDEFGH12345678")).isEqualTo("5678");
    assertThat(GiftCodes.hash("ABCDEFGH12345678"))
        .hasSize(64)
        .isEqualTo(GiftCodes.hash("ABCDEFGH12345678"))
        .isNotEqualTo(GiftCodes.hash("ABCDEFGH12345679"));
  }
}
