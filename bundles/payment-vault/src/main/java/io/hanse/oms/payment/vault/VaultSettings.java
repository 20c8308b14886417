package io.hanse.oms.payment.vault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's configuration, resolved: {@code ${...}} in the keystore path replaced by system
 * properties, the password taken from the environment when it is not configured.
 *
 * @param password empty when neither the configuration nor the environment has one
 */
record VaultSettings(Path keystore, String password, Duration cvcTtl, Set<String> gatewayBundles) {
  static final String PASSWORD_ENV = "HANSE_VAULT_PASSWORD";
  static final long MAX_CVC_TTL_SECONDS = 3600;
  private static final Logger LOG = LoggerFactory.getLogger(VaultSettings.class);
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern COMMA = Pattern.compile(",");

  static VaultSettings of(
      VaultConfig config, UnaryOperator<String> env, UnaryOperator<String> properties) {
    String password = blankToEmpty(config.keystorePassword());
    if (password.isEmpty()) {
      password = blankToEmpty(env.apply(PASSWORD_ENV));
    }
    return new VaultSettings(
        keystore(config.keystore(), properties),
        password,
        cvcTtl(config.cvcTtlSeconds()),
        gatewayBundles(config.gatewayBundles()));
  }

  static Path keystore(String configured, UnaryOperator<String> properties) {
    String path = configured == null || configured.isBlank() ? "" : configured.trim();
    if (path.isEmpty()) {
      throw new IllegalArgumentException("keystore must name a file");
    }
    Matcher m = PROPERTY.matcher(path);
    StringBuilder resolved = new StringBuilder();
    while (m.find()) {
      String value = properties.apply(m.group(1));
      if (value == null && m.group(1).equals("karaf.data")) {
        value = properties.apply("user.dir");
      }
      if (value == null) {
        throw new IllegalArgumentException("keystore: system property " + m.group(1) + " unset");
      }
      m.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    m.appendTail(resolved);
    return Path.of(resolved.toString()).toAbsolutePath().normalize();
  }

  private static Duration cvcTtl(int seconds) {
    long bounded = Math.max(1, Math.min(MAX_CVC_TTL_SECONDS, seconds));
    if (bounded != seconds) {
      LOG.warn("cvcTtlSeconds {} is outside 1-{}; using {}", seconds, MAX_CVC_TTL_SECONDS, bounded);
    }
    return Duration.ofSeconds(bounded);
  }

  private static Set<String> gatewayBundles(String list) {
    return list == null
        ? Set.of()
        : Arrays.stream(COMMA.split(list))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** A secret is taken as it is, but one of blanks only counts as none. */
  private static String blankToEmpty(String s) {
    return s == null || s.isBlank() ? "" : s;
  }

  @Override
  public String toString() {
    return "VaultSettings[keystore="
        + keystore
        + ", password="
        + (password.isEmpty() ? "none" : "***")
        + ", cvcTtl="
        + cvcTtl
        + ", gatewayBundles="
        + gatewayBundles
        + "]";
  }
}
