package io.hanse.oms.payment.vault;

import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.testing.DerbyDatabase;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A vault on in-memory Derby with its keystore in a temporary folder and a clock the test moves;
 * {@link #reopen()} starts a new instance on the same database and keystore.
 */
final class TestVault implements AutoCloseable {
  static final String GATEWAY = "io.hanse.oms.payment.simulator";
  static final String PASSWORD = "correct horse battery staple";
  static final Duration CVC_TTL = Duration.ofMinutes(10);

  final DerbyDatabase database;
  private final MigratedOnce migrated;
  final Path keystore;
  final MutableClock clock;
  final SecureRandom random = seeded(42);
  Vault vault;
  CardVaultImpl cards;
  CardDetokenizer detokenizer;

  TestVault(Path folder) {
    this(new DerbyDatabase(), folder.resolve("vault").resolve("hanse-vault.p12"));
  }

  private TestVault(DerbyDatabase database, Path keystore) {
    this.database = database;
    this.migrated = new MigratedOnce(database);
    this.keystore = keystore;
    this.clock = new MutableClock(Instant.parse("2026-06-15T12:00:00Z"));
    open();
  }

  /**
   * A generator that draws the same bytes in every run, so that a test which looks for digits in
   * random columns cannot fail by chance on one run and pass on the next.
   */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static VaultSettings settings(Path keystore, String password) {
    return new VaultSettings(keystore, password, CVC_TTL, Set.of(GATEWAY));
  }

  /** A new vault instance on the same database and keystore, as after a restart. */
  TestVault reopen() {
    vault.close();
    open();
    return this;
  }

  private void open() {
    vault = new Vault(migrated, null, settings(keystore, PASSWORD), clock, random);
    cards = new CardVaultImpl(vault);
    detokenizer =
        new CardDetokenizerImpl(
            vault,
            Fakes.usedBy(Fakes.bundle(GATEWAY, Map.of(CardDetokenizer.GATEWAY_HEADER, "true"))));
  }

  @Override
  public void close() {
    vault.close();
  }
}
