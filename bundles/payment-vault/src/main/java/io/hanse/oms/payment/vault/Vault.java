package io.hanse.oms.payment.vault;

import io.hanse.oms.api.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the vault's two services share: the schema, the keys, the cipher and the security codes held
 * in memory. Opened by {@link VaultInstance} once per configuration, closed when it changes (which
 * drops the codes held), with {@link CardVaultImpl} and every {@link CardDetokenizerImpl} behind
 * it.
 */
final class Vault {
  /** Unique across bundles: Liquibase identifies a changeset by path, id and author. */
  static final String CHANGELOG = "db/vault-changelog.xml";

  private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

  private final Database database;
  private final Set<String> gatewayBundles;
  private final Clock clock;
  private final SecureRandom random;
  private final VaultKeys keys;
  private final CardCipher cipher;
  private final CvcHolder cvcs;
  private final ScheduledExecutorService sweeper;

  Vault(
      Database database, Bundle bundle, VaultSettings settings, Clock clock, SecureRandom random) {
    database.migrate(bundle, CHANGELOG);
    this.database = database;
    this.gatewayBundles = settings.gatewayBundles();
    this.clock = clock;
    this.random = random;
    char[] password = password(settings, random);
    try {
      this.keys = VaultKeys.open(settings.keystore(), password, random);
    } finally {
      Arrays.fill(password, '\0');
    }
    this.cipher = new CardCipher(keys, random);
    this.cvcs = new CvcHolder(clock, settings.cvcTtl());
    this.sweeper = Executors.newSingleThreadScheduledExecutor(Vault::sweeperThread);
    long period = Math.max(1, Math.min(60, settings.cvcTtl().toSeconds() / 2));
    ScheduledFuture<?> unused =
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.SECONDS);
    LOG.info(
        "card vault ready: keystore {}, key v{} current, gateways {}",
        settings.keystore(),
        keys.current().version(),
        settings.gatewayBundles());
  }

  void close() {
    sweeper.shutdownNow();
    cvcs.clear();
  }

  Database database() {
    return database;
  }

  Clock clock() {
    return clock;
  }

  SecureRandom random() {
    return random;
  }

  VaultKeys keys() {
    return keys;
  }

  CardCipher cipher() {
    return cipher;
  }

  CvcHolder cvcs() {
    return cvcs;
  }

  Set<String> gatewayBundles() {
    return gatewayBundles;
  }

  private void sweep() {
    try {
      int dropped = cvcs.sweep();
      if (dropped > 0) {
        LOG.debug("{} unused security codes expired", dropped);
      }
    } catch (RuntimeException e) {
      LOG.warn("sweeping expired security codes failed", e);
    }
  }

  private static char[] password(VaultSettings settings, SecureRandom random) {
    try {
      return VaultPassword.resolve(settings, random);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the card vault keystore password", e);
    }
  }

  private static Thread sweeperThread(Runnable r) {
    Thread t = new Thread(r, "hanse-vault-cvc-sweeper");
    t.setDaemon(true);
    return t;
  }
}
