package io.hanse.oms.payment.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keystore password: configured, from {@code HANSE_VAULT_PASSWORD}, or, for the demo only,
 * generated together with a new keystore and kept in {@value #FILE_NAME} next to it (mode 600).
 */
final class VaultPassword {
  static final String FILE_NAME = "hanse-vault.password";
  private static final Logger LOG = LoggerFactory.getLogger(VaultPassword.class);

  private VaultPassword() {}

  static char[] resolve(VaultSettings settings, SecureRandom random) throws IOException {
    if (!settings.password().isEmpty()) {
      return settings.password().toCharArray();
    }
    Path keystore = settings.keystore();
    Path file = keystore.resolveSibling(FILE_NAME);
    if (Files.isRegularFile(file)) {
      LOG.warn(
          "The card vault keystore password is read from {}: demo only. In production set"
              + " keystorePassword or HANSE_VAULT_PASSWORD from a secret store and delete that"
              + " file.",
          file);
      return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    }
    if (Files.exists(keystore)) {
      throw new IllegalStateException(
          "the card vault keystore "
              + keystore
              + " exists but no password is configured: set keystorePassword in"
              + " etc/io.hanse.oms.payment.vault.cfg or the environment variable "
              + VaultSettings.PASSWORD_ENV);
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    SecureFiles.write(file, out -> out.write(password.getBytes(StandardCharsets.UTF_8)));
    LOG.warn(
        "\n********************************************************************************"
            + "\n*** DEMO ONLY: no card vault keystore password is configured, so a random one"
            + "\n*** was generated and written to {}, next to the new keystore."
            + "\n*** Anyone who can read both files can decrypt every stored card."
            + "\n*** In production set keystorePassword in etc/io.hanse.oms.payment.vault.cfg"
            + "\n*** (e.g. ${env:HANSE_VAULT_PASSWORD}) or the environment variable"
            + "\n*** HANSE_VAULT_PASSWORD from a secret store, then delete that file."
            + "\n********************************************************************************",
        file);
    return password.toCharArray();
  }
}
