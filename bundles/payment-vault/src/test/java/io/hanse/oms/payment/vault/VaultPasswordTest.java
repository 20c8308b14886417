package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.testing.DerbyDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultPasswordTest {
  @TempDir Path folder;
  private final SecureRandom random = new SecureRandom();

  @Test
  void withoutPasswordAndKeystoreADemoKeystoreIsGeneratedWithItsPasswordReadableByItsOwnerOnly()
      throws Exception {
    Path keystore = folder.resolve("vault/hanse-vault.p12");
    MigratedOnce database = new MigratedOnce(new DerbyDatabase());

    Vault first = open(database, keystore);
    CardToken token =
        new CardVaultImpl(first).tokenize(new CardDetails("4242424242424242", 12, 2030, null));
    first.close();

    Path passwordFile = keystore.resolveSibling(VaultPassword.FILE_NAME);
    assertThat(keystore).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(passwordFile, StandardCharsets.UTF_8)).matches("[A-Za-z0-9_-]{43}");

    // a restart without a configured password reads the generated one
    Vault second = open(database, keystore);
    CardDetokenizerImpl detokenizer =
        new CardDetokenizerImpl(
            second,
            Fakes.usedBy(Fakes.bundle(TestVault.GATEWAY, Map.of("Hanse-Payment-Gateway", "true"))));
    assertThat(detokenizer.reveal(token.token()).orElseThrow().number())
        .isEqualTo("4242424242424242");
    second.close();
  }

  @Test
  void aConfiguredPasswordIsUsedAndNoFileWritten() throws Exception {
    Path keystore = folder.resolve("hanse-vault.p12");

    char[] password = VaultPassword.resolve(TestVault.settings(keystore, "from-config"), random);

    assertThat(new String(password)).isEqualTo("from-config");
    assertThat(keystore.resolveSibling(VaultPassword.FILE_NAME)).doesNotExist();
  }

  @Test
  void anExistingKeystoreWithoutAnyPasswordIsAnError() throws Exception {
    Path keystore = folder.resolve("hanse-vault.p12");
    VaultKeys.open(keystore, "operator's".toCharArray(), random);

    assertThatThrownBy(() -> VaultPassword.resolve(TestVault.settings(keystore, ""), random))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no password is configured")
        .hasMessageContaining("HANSE_VAULT_PASSWORD");
    assertThat(keystore.resolveSibling(VaultPassword.FILE_NAME)).doesNotExist();
  }

  private Vault open(MigratedOnce database, Path keystore) {
    return new Vault(database, null, TestVault.settings(keystore, ""), Clock.systemUTC(), random);
  }
}
