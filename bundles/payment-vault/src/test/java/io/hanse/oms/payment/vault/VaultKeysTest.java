package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeysTest {
  private static final char[] PASSWORD = "s3cret".toCharArray();
  @TempDir Path folder;
  private final SecureRandom random = new SecureRandom();

  @Test
  void aMissingKeystoreIsCreatedWithKeyV1ForItsOwnerOnly() throws Exception {
    Path file = folder.resolve("new/hanse-vault.p12");

    VaultKeys keys = VaultKeys.open(file, PASSWORD, random);

    assertThat(keys.current().version()).isEqualTo(1);
    assertThat(keys.current().secret().getEncoded()).hasSize(32);
    assertThat(aliases(file)).containsExactly("hanse-vault-v1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (var left = Files.list(file.getParent())) {
      assertThat(left).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void rotateWritesTheNextVersionAndAReopenedKeystoreHasThemAll() throws Exception {
    Path file = folder.resolve("hanse-vault.p12");
    VaultKeys keys = VaultKeys.open(file, PASSWORD, random);
    byte[] v1 = keys.current().secret().getEncoded();

    assertThat(keys.rotate()).isEqualTo(2);
    assertThat(keys.rotate()).isEqualTo(3);

    VaultKeys reopened = VaultKeys.open(file, PASSWORD, random);
    assertThat(reopened.current().version()).isEqualTo(3);
    assertThat(reopened.key(1).orElseThrow().getEncoded()).isEqualTo(v1);
    assertThat(reopened.key(2)).isPresent();
    assertThat(reopened.key(4)).isEmpty();
    assertThat(aliases(file))
        .containsExactlyInAnyOrder("hanse-vault-v1", "hanse-vault-v2", "hanse-vault-v3");
  }

  @Test
  void aVersionAddedByAnotherNodeIsFoundInTheFile() {
    Path file = folder.resolve("hanse-vault.p12");
    VaultKeys here = VaultKeys.open(file, PASSWORD, random);
    VaultKeys there = VaultKeys.open(file, PASSWORD, random);

    there.rotate();

    assertThat(here.key(2)).isPresent();
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingIt() {
    Path file = folder.resolve("hanse-vault.p12");
    VaultKeys.open(file, PASSWORD, random);

    assertThatThrownBy(() -> VaultKeys.open(file, "guess".toCharArray(), random))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("guess")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aKeystoreWithoutVaultKeysIsRefused() throws Exception {
    Path file = folder.resolve("other.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    store.setEntry(
        "some-other-key",
        new KeyStore.SecretKeyEntry(aes.generateKey()),
        new KeyStore.PasswordProtection(PASSWORD));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }

    assertThatThrownBy(() -> VaultKeys.open(file, PASSWORD, random))
        .hasMessageContaining("holds no AES key hanse-vault-v");
  }

  @Test
  void aKeyShorterThan256BitsIsRefused() throws Exception {
    Path file = folder.resolve("short.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(128);
    store.setEntry(
        "hanse-vault-v1",
        new KeyStore.SecretKeyEntry(aes.generateKey()),
        new KeyStore.PasswordProtection(PASSWORD));
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }

    assertThatThrownBy(() -> VaultKeys.open(file, PASSWORD, random))
        .hasMessageContaining("not a 256-bit AES key");
  }

  private static java.util.List<String> aliases(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return java.util.Collections.list(store.aliases());
  }
}
