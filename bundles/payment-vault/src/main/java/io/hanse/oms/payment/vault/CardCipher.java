package io.hanse.oms.payment.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts card numbers with AES-256-GCM: a random 96-bit nonce per encryption, a 128-bit tag, and
 * the token and key version as associated data, so a ciphertext opens only in its own row and under
 * the version it claims.
 */
final class CardCipher {
  private static final Logger LOG = LoggerFactory.getLogger(CardCipher.class);
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** An encrypted card number as stored: nonce and ciphertext (with tag) in Base64. */
  record Sealed(int keyVersion, String nonce, String ciphertext) {}

  private final VaultKeys keys;
  private final SecureRandom random;

  CardCipher(VaultKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** Encrypts {@code number} for the row of {@code token} under the current key. */
  Sealed seal(String token, String number) {
    VaultKeys.Key key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plain = number.getBytes(StandardCharsets.US_ASCII);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.secret(), nonce, token, key.version());
      byte[] sealed = cipher.doFinal(plain);
      Base64.Encoder base64 = Base64.getEncoder();
      return new Sealed(key.version(), base64.encodeToString(nonce), base64.encodeToString(sealed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * The card number of the row of {@code token}, or empty, with an error logged, when its key
   * version is missing or the row was altered or moved from another token.
   */
  Optional<String> open(String token, Sealed sealed) {
    Optional<SecretKey> key = keys.key(sealed.keyVersion());
    if (key.isEmpty()) {
      LOG.error(
          "card {} is encrypted under key version {}, which the vault keystore does not hold",
          token,
          sealed.keyVersion());
      return Optional.empty();
    }
    byte[] plain = null;
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      byte[] nonce = base64.decode(sealed.nonce());
      if (nonce.length != NONCE_BYTES) {
        throw new IllegalArgumentException("nonce length");
      }
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), nonce, token, sealed.keyVersion());
      plain = cipher.doFinal(base64.decode(sealed.ciphertext()));
      String number = new String(plain, StandardCharsets.US_ASCII);
      if (!CardNumbers.isDigits(number)) {
        throw new IllegalArgumentException("not a card number");
      }
      return Optional.of(number);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // the exception says nothing of the card; its message is kept out all the same
      LOG.error(
          "card {} cannot be decrypted under key version {} ({}): the row was altered or does not"
              + " belong to this token",
          token,
          sealed.keyVersion(),
          e.getClass().getSimpleName());
      return Optional.empty();
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String token, int version)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData(token, version));
    return cipher;
  }

  /** Token and key version; tokens hold no ':', so no two pairs give the same bytes. */
  static byte[] associatedData(String token, int version) {
    return (token + ":v" + version).getBytes(StandardCharsets.UTF_8);
  }
}
