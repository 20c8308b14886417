package io.hanse.oms.api.payment;

import io.hanse.oms.api.ValidationException;
import java.util.Optional;

/**
 * The card vault: the only place a card number is kept, encrypted. Everyone may tokenize a card and
 * look up what a token shows (brand, last four digits, expiry); only gateways may reveal it ({@link
 * CardDetokenizer}).
 */
public interface CardVault {

  /**
   * Stores a card and returns its token.
   *
   * @throws ValidationException when the number fails the Luhn check or has the wrong length, the
   *     expiry is invalid or past, or the security code is malformed
   */
  CardToken tokenize(CardDetails card);

  /** What a token shows, or empty for an unknown token. */
  Optional<CardToken> find(String token);

  /**
   * Re-encrypts every stored card under a new key version, which becomes the one used for new
   * cards. Old key versions stay readable until nothing uses them.
   *
   * @return the new key version and the number of cards re-encrypted
   */
  Rotation rotateKey();

  /** The outcome of a key rotation. */
  record Rotation(int keyVersion, int cardsReencrypted) {}
}
