package io.hanse.oms.payment.giftcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Gift card codes: 16 characters of Crockford's base32 (80 random bits, no I, L, O or U to
 * misread), shown grouped in fours, kept only as a SHA-256 hash of the normalised code.
 */
final class GiftCodes {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 16;
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

  /**
   * The code as typed, without dashes and spaces, in upper case, with Crockford's substitutions (I
   * and L read as 1, O as 0); empty when it cannot be a code at all.
   */
  static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < typed.length(); i++) {
      char ch = typed.charAt(i);
      if (ch == '-' || Character.isWhitespace(ch)) {
        continue;
      }
      char upper =
          switch (Character.toUpperCase(ch)) {
            case 'I', 'L' -> '1';
            case 'O' -> '0';
            default -> Character.toUpperCase(ch);
          };
      if (ALPHABET.indexOf(upper) < 0 || code.length() == LENGTH) {
        return Optional.empty();
      }
      code.append(upper);
    }
    return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
  }

  /** What the table keeps to find a card by its code. */
  static String hash(String normalised) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String last4(String normalised) {
    return normalised.substring(LENGTH - 4);
  }
}
