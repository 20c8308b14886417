package io.hanse.oms.testing;

import io.hanse.oms.api.storage.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.osgi.framework.Bundle;

/**
 * The api's {@link Database} on a fresh in-memory Derby database, for the unit tests of plugin
 * bundles: changelogs are read from the test's class path, transactions retried like the core's.
 */
public final class DerbyDatabase implements Database, AutoCloseable {
  private static final Set<String> TRANSIENT = Set.of("40001", "40XL1", "40XL2", "23505");
  private final String url = "jdbc:derby:memory:" + UUID.randomUUID() + ";create=true";

  @Override
  public Dialect dialect() {
    return Dialect.DERBY;
  }

  /** A connection of its own, e.g. for assertions; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public void migrate(Bundle owner, String changelog) {
    try (Connection connection = connect()) {
      liquibase.database.Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (database instanceof liquibase.database.core.DerbyDatabase derby) {
        derby.setShutdownEmbeddedDerby(false);
      }
      Scope.child(
          Map.of("liquibase.analytics.enabled", false),
          () -> {
            @SuppressWarnings("deprecation")
            Liquibase liquibase =
                new Liquibase(
                    changelog,
                    new ClassLoaderResourceAccessor(DerbyDatabase.class.getClassLoader()),
                    database);
            liquibase.update(new Contexts(), new LabelExpression());
          });
      if (!connection.getAutoCommit()) {
        connection.commit(); // Liquibase may leave its last statements open; Derby refuses to close
      }
    } catch (Exception e) {
      throw new IllegalStateException("migration of " + changelog + " failed", e);
    }
  }

  @Override
  public <R> R inTransaction(Work<R> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = connect()) {
        connection.setAutoCommit(false);
        try {
          R result = work.apply(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (attempt < 20 && TRANSIENT.contains(e.getSQLState())) {
          sleep(attempt);
          continue;
        }
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(Math.min(50, attempt * 2L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // in-memory: dropped with the JVM
  }
}
