package io.hanse.oms.payment.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's AES-256 keys, in a PKCS12 keystore under the aliases {@code hanse-vault-v1}, {@code
 * -v2}, ...: the newest encrypts new cards, all of them decrypt. The keystore is replaced as a
 * whole (see {@link SecureFiles}), and a new key is on disk before any card is encrypted with it,
 * so a crash never leaves a card that no stored key opens.
 */
final class VaultKeys {
  static final String ALIAS_PREFIX = "hanse-vault-v";
  private static final Logger LOG = LoggerFactory.getLogger(VaultKeys.class);
  private static final Pattern ALIAS = Pattern.compile("hanse-vault-v([1-9][0-9]{0,8})");
  private static final String TYPE = "PKCS12";
  private static final int KEY_BYTES = 32;

  /** One version of the key. */
  record Key(int version, SecretKey secret) {
    @Override
    public String toString() {
      return "Key[v" + version + "]";
    }
  }

  private final Path file;
  private final char[] password;
  private final SecureRandom random;
  private volatile NavigableMap<Integer, SecretKey> keys;

  private VaultKeys(Path file, char[] password, SecureRandom random) {
    this.file = file;
    this.password = password.clone();
    this.random = random;
  }

  /** Opens the keystore, or creates it with key v1 when there is none. */
  static VaultKeys open(Path file, char[] password, SecureRandom random) {
    VaultKeys keys = new VaultKeys(file, password, random);
    if (Files.exists(file)) {
      keys.keys = keys.read();
      if (keys.keys.isEmpty()) {
        throw new IllegalStateException(
            "the card vault keystore " + file + " holds no AES key " + ALIAS_PREFIX + "<n>");
      }
    } else {
      keys.keys = Collections.unmodifiableNavigableMap(new TreeMap<>());
      keys.rotate();
    }
    return keys;
  }

  /** The key that encrypts new cards. */
  Key current() {
    var last = keys.lastEntry();
    return new Key(last.getKey(), last.getValue());
  }

  /**
   * The key of {@code version}. A version newer than the newest known may have been added to the
   * keystore by another node sharing it: the file is read again once before giving up.
   */
  Optional<SecretKey> key(int version) {
    SecretKey key = keys.get(version);
    if (key == null && version > keys.lastKey()) {
      synchronized (this) {
        merge(read());
      }
      key = keys.get(version);
    }
    return Optional.ofNullable(key);
  }

  /** Adds the next version to the keystore on disk, then makes it current; returns its number. */
  synchronized int rotate() {
    try {
      KeyStore store = load();
      NavigableMap<Integer, SecretKey> all = new TreeMap<>(keys);
      all.putAll(entries(store));
      int next = all.isEmpty() ? 1 : all.lastKey() + 1;
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(KEY_BYTES * 8, random);
      all.put(next, generator.generateKey());
      KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password);
      for (var e : all.entrySet()) {
        store.setEntry(
            ALIAS_PREFIX + e.getKey(), new KeyStore.SecretKeyEntry(e.getValue()), protection);
      }
      SecureFiles.write(file, out -> store(store, out));
      keys = Collections.unmodifiableNavigableMap(all);
      LOG.info("card vault key v{} generated in {}", next, file);
      return next;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot add a key to the card vault keystore " + file, e);
    }
  }

  private void store(KeyStore store, OutputStream out) throws IOException {
    try {
      store.store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the keystore", e);
    }
  }

  private void merge(NavigableMap<Integer, SecretKey> read) {
    NavigableMap<Integer, SecretKey> all = new TreeMap<>(keys);
    read.forEach(all::putIfAbsent);
    keys = Collections.unmodifiableNavigableMap(all);
  }

  private NavigableMap<Integer, SecretKey> read() {
    try {
      return Collections.unmodifiableNavigableMap(entries(load()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot read the card vault keystore " + file + " (wrong password?)", e);
    }
  }

  private KeyStore load() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(TYPE);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
    } else {
      store.load(null, null);
    }
    return store;
  }

  private NavigableMap<Integer, SecretKey> entries(KeyStore store) throws GeneralSecurityException {
    NavigableMap<Integer, SecretKey> found = new TreeMap<>();
    KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password);
    for (String alias : Collections.list(store.aliases())) {
      Matcher m = ALIAS.matcher(alias);
      if (m.matches()
          && store.getEntry(alias, protection) instanceof KeyStore.SecretKeyEntry entry) {
        SecretKey key = entry.getSecretKey();
        byte[] encoded = key.getEncoded();
        boolean aes256 =
            "AES".equalsIgnoreCase(key.getAlgorithm())
                && encoded != null
                && encoded.length == KEY_BYTES;
        if (encoded != null) {
          Arrays.fill(encoded, (byte) 0);
        }
        if (!aes256) {
          throw new IllegalStateException(
              "card vault key " + alias + " in " + file + " is not a 256-bit AES key");
        }
        found.put(Integer.parseInt(m.group(1)), key);
      }
    }
    return found;
  }
}
