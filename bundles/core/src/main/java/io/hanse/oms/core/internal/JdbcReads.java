package io.hanse.oms.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Queries that do not depend on each other, run in the caller's transaction: on PostgreSQL sent
 * together in one round trip (the driver sends a statement text of several queries at once and
 * returns one result set each), elsewhere one after the other.
 */
public final class JdbcReads {
  private JdbcReads() {}

  /** One query: its text, its parameters, and what to do with each of its rows. */
  public record Read(String sql, Binder binder, RowReader reader) {}

  /** Binds a query's parameters from {@code first} on; returns the next index. */
  @FunctionalInterface
  public interface Binder {
    int bind(PreparedStatement ps, int first) throws SQLException;
  }

  /** Takes one row of a query's result. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Runs {@code reads}, in order. */
  public static void together(Connection c, List<Read> reads) throws SQLException {
    if (reads.isEmpty()) {
      return;
    }
    if (reads.size() == 1 || !JdbcBatch.isPostgres(c)) {
      for (Read r : reads) {
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
          r.binder().bind(ps, 1);
          try (ResultSet rs = ps.executeQuery()) {
            readAll(rs, r);
          }
        }
      }
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(reads.stream().map(Read::sql).collect(Collectors.joining("; ")))) {
      int next = 1;
      for (Read r : reads) {
        next = r.binder().bind(ps, next);
      }
      ps.execute();
      for (int i = 0; i < reads.size(); i++) {
        if (i > 0 && !ps.getMoreResults()) {
          throw new SQLException("expected a result set for: " + reads.get(i).sql());
        }
        try (ResultSet rs = ps.getResultSet()) {
          readAll(rs, reads.get(i));
        }
      }
    }
  }

  private static void readAll(ResultSet rs, Read r) throws SQLException {
    while (rs.next()) {
      r.reader().read(rs);
    }
  }
}
