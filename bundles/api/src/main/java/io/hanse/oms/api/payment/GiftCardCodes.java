package io.hanse.oms.api.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Gift card codes as every bundle reads them: 16 characters of Crockford's base32 (no I, L, O or U
 * to misread), typed with or without dashes and spaces, in any case. A card is found by the SHA-256
 * of its normalised code; the core keeps that {@link #reference} with a payment instead of the
 * code, so that an authorization asked again after a crash still finds the card.
 */
public final class GiftCardCodes {
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  public static final int LENGTH = 16;

  /** Prefix of a {@link #reference}: a gateway source that is a code's hash, not a code. */
  public static final String REFERENCE_PREFIX = "sha256:";

  private GiftCardCodes() {}

  /**
   * The code as typed, without dashes and spaces, in upper case, with Crockford's substitutions (I
   * and L read as 1, O as 0); empty when it cannot be a code at all.
   */
  public static Optional<String> normalise(String typed) {
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

  /** The SHA-256 of a normalised code, in hex: what a card is found by. */
  public static String hash(String normalised) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@code sha256:<hash>} of a typed code, or empty when it cannot be a code. */
  public static Optional<String> reference(String typed) {
    return normalise(typed).map(code -> REFERENCE_PREFIX + hash(code));
  }

  /** The hash a gateway source names: its own for a {@link #reference}, else the typed code's. */
  public static Optional<String> hashOf(String source) {
    if (source != null && source.startsWith(REFERENCE_PREFIX)) {
      String hex = source.substring(REFERENCE_PREFIX.length());
      return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
    }
    return normalise(source).map(GiftCardCodes::hash);
  }
}
