package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.payment.GiftCardCodes;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Gift card codes: 16 characters of Crockford's base32 (80 random bits, no I, L, O or U to
 * misread), shown grouped in fours, kept only as a SHA-256 hash of the normalised code.
 */
final class GiftCodes {
  static final String ALPHABET = GiftCardCodes.ALPHABET;
  static final int LENGTH = GiftCardCodes.LENGTH;
  private final SecureRandom random;

  GiftCodes(SecureRandom random) {
    this.random = random;
  }

  /** A new code, normalised (no dashes). */
  String generate() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** {@code XXXX-XXXX-XXXX-XXXX}, as handed to the customer. */
  static String grouped(String normalised) {
    return String.join(
        "-",
        normalised.substring(0, 4),
        normalised.substring(4, 8),
        normalised.substring(8, 12),
        normalised.substring(12));
  }

  /** See {@link GiftCardCodes#normalise}. */
  static Optional<String> normalise(String typed) {
    return GiftCardCodes.normalise(typed);
  }

  /** What the table keeps to find a card by its code. */
  static String hash(String normalised) {
    return GiftCardCodes.hash(normalised);
  }

  static String last4(String normalised) {
    return normalised.substring(LENGTH - 4);
  }
}
