package io.hanse.oms.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows with one JDBC batch per statement: one round trip, and on PostgreSQL (with {@code
 * reWriteBatchedInserts}) one multi-row INSERT. Used where many new rows are written at once in the
 * caller's transaction (a batch of orders).
 */
public final class JdbcBatch {
  private JdbcBatch() {}

  /** Inserts {@code rows} into their table as one JDBC batch. */
  public static <T> void insert(Connection c, TableRows<T> table, List<? extends T> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(table.insert())) {
      for (T row : rows) {
        table.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Whether the connection is to PostgreSQL, whose statements can take arrays. */
  public static boolean isPostgres(Connection c) throws SQLException {
    return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
  }
}
