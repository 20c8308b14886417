package io.hanse.oms.api.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Plain JDBC with positional parameters for plugins that own tables, so each table class reads as
 * its SQL. Instants are stored and read as UTC, whatever the zone of the node, so nodes in
 * different zones (or a clock change) agree on every timestamp; dates go through {@link
 * java.sql.Date}, which Derby 10.14 needs.
 */
public final class Sql {

  /** A null of a known SQL type: PostgreSQL refuses a varchar null for a timestamp column. */
  public record Null(int sqlType) {}

  public static final Null NULL_TIMESTAMP = new Null(Types.TIMESTAMP);

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row.map(rs));
        }
        return rows;
      }
    }
  }

  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = list(c, sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A timestamp column as an instant (stored as UTC), or null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column, utc());
    return t == null ? null : t.toInstant();
  }

  /** A timestamp parameter that may be null. */
  public static Object timestamp(Instant instant) {
    return instant == null ? NULL_TIMESTAMP : instant;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Null n) {
        ps.setNull(i + 1, n.sqlType());
      } else if (p == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (p instanceof Instant t) {
        ps.setTimestamp(i + 1, Timestamp.from(t), utc());
      } else if (p instanceof LocalDate d) {
        ps.setDate(i + 1, Date.valueOf(d));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }
}
