package io.hanse.oms.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.framework.Bundle;

/**
 * The Hanse database as plugin bundles see it. A plugin keeps its own Liquibase changelog in its
 * bundle, asks for it to be applied once when it starts, and writes in local transactions through
 * {@link #inTransaction}. The service is registered only once the core's schema is up to date.
 */
public interface Database {

  /** The kind of database, for the rare statement that differs. */
  enum Dialect {
    DERBY,
    POSTGRESQL
  }

  Dialect dialect();

  /**
   * Applies the changesets of {@code changelog} (a path inside {@code owner}) not yet applied.
   * Changelog paths must be unique across bundles ({@code db/vault-changelog.xml}, not {@code
   * db/changelog.xml}): Liquibase identifies a changeset by path, id and author.
   */
  void migrate(Bundle owner, String changelog);

  /** Work on one connection in one transaction; it must be safe to run again. */
  @FunctionalInterface
  interface Work<R> {
    R apply(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in its own local transaction (auto-commit off), commits, and rolls back when
   * it throws. A serialization failure, deadlock, lock timeout or unique-key race is retried with
   * bounded, jittered backoff; other {@link SQLException}s come back as {@link
   * IllegalStateException}, and runtime exceptions (a {@link io.hanse.oms.api.OmsException}) pass
   * through unchanged after the rollback.
   */
  <R> R inTransaction(Work<R> work);
}
