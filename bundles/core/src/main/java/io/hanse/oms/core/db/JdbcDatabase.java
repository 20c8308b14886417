package io.hanse.oms.core.db;

import io.hanse.oms.api.storage.Database;
import io.hanse.oms.core.internal.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import javax.transaction.InvalidTransactionException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import liquibase.resource.OSGiResourceAccessor;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The database for plugins that own tables (vault, gift cards, on-account): their changelogs run
 * through the core's Liquibase, their transactions are local JDBC transactions on the core's pool,
 * retried on the same transient failures as the core's own. Registered once the core's schema is up
 * to date.
 */
@Component(service = Database.class)
public class JdbcDatabase implements Database {
  private static final int MAX_ATTEMPTS = 8;
  private final DataSource dataSource;
  private final TransactionManager transactions;
  private final Dialect dialect;

  @Activate
  public JdbcDatabase(
      @Reference(target = "(osgi.jndi.service.name=hanse)") DataSource dataSource,
      @Reference TransactionManager transactions,
      @Reference SchemaMigrator schema)
      throws SQLException {
    this.dataSource = dataSource;
    this.transactions = transactions;
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      this.dialect = product.contains("derby") ? Dialect.DERBY : Dialect.POSTGRESQL;
    }
  }

  @Override
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void migrate(Bundle owner, String changelog) {
    try {
      SchemaMigrator.migrate(dataSource, new OSGiResourceAccessor(owner), changelog);
    } catch (Exception e) {
      throw new IllegalStateException(
          "schema migration " + changelog + " of " + owner.getSymbolicName() + " failed", e);
    }
  }

  @Override
  public <R> R inTransaction(Work<R> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        if (attempt >= MAX_ATTEMPTS || !Transactions.isTransient(e)) {
          throw new IllegalStateException(e.getMessage(), e);
        }
        sleep(attempt);
      }
    }
  }

  /**
   * One attempt, outside any JTA transaction of the caller: the pool would enlist the connection in
   * it and refuse a local commit, and the plugin's write must not depend on the caller's.
   */
  private <R> R once(Work<R> work) throws SQLException {
    Transaction caller = suspend();
    try {
      return local(work);
    } finally {
      resume(caller);
    }
  }

  private Transaction suspend() {
    try {
      return transactions.getStatus() == Status.STATUS_NO_TRANSACTION
          ? null
          : transactions.suspend();
    } catch (SystemException e) {
      throw new IllegalStateException("cannot suspend the caller's transaction", e);
    }
  }

  private void resume(Transaction caller) {
    if (caller != null) {
      try {
        transactions.resume(caller);
      } catch (InvalidTransactionException | SystemException e) {
        throw new IllegalStateException("cannot resume the caller's transaction", e);
      }
    }
  }

  private <R> R local(Work<R> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        R result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 5L << attempt) + 1));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", ie);
    }
  }
}
