package io.hanse.oms.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Inserts rows with one JDBC batch per statement: one round trip, and on PostgreSQL (with {@code
 * reWriteBatchedInserts}) one multi-row INSERT. Used where many new rows are written at once in the
 * caller's transaction (a batch of orders).
 */
public final class JdbcBatch {
  private JdbcBatch() {}

  /** Sets one row's parameters. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  public static <T> void insert(Connection c, String sql, List<T> rows, Binder<? super T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** An instant as Hibernate binds it (the JVM's time zone), so both write the same value. */
  public static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
