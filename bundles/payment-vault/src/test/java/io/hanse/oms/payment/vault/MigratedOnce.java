package io.hanse.oms.payment.vault;

import io.hanse.oms.api.storage.Database;
import io.hanse.oms.testing.DerbyDatabase;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.Bundle;

/**
 * The test database as a restarted vault sees it: a changelog already applied is not applied again.
 * (DerbyDatabase fails a second migration of the same in-memory database with ERROR 25001, a
 * transaction Liquibase left open; the core's database skips applied changesets itself.)
 */
final class MigratedOnce implements Database {
  private final DerbyDatabase database;
  private final Set<String> applied = new HashSet<>();

  MigratedOnce(DerbyDatabase database) {
    this.database = database;
  }

  @Override
  public Dialect dialect() {
    return database.dialect();
  }

  @Override
  public synchronized void migrate(Bundle owner, String changelog) {
    if (applied.add(changelog)) {
      database.migrate(owner, changelog);
    }
  }

  @Override
  public <R> R inTransaction(Work<R> work) {
    return database.inTransaction(work);
  }
}
