package io.hanse.oms.core.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How new rows of one table are written from objects over JDBC: its columns in order, each with its
 * SQL type and how to read its value. From that one list come the {@code INSERT} of a JDBC batch
 * and, on PostgreSQL, an {@code INSERT ... SELECT FROM unnest(arrays)} that takes any number of
 * rows as one array per column, so one statement text serves every batch size.
 *
 * @param <T> what one row is made from
 */
public final class TableRows<T> {

  /** The column types rows are written with, and their names in PostgreSQL's array casts. */
  public enum Type {
    VARCHAR(Types.VARCHAR, "varchar"),
    INTEGER(Types.INTEGER, "integer"),
    BIGINT(Types.BIGINT, "bigint"),
    BOOLEAN(Types.BOOLEAN, "boolean"),
    DECIMAL(Types.DECIMAL, "numeric"),
    TIMESTAMP(Types.TIMESTAMP, "timestamp");

    private final int sqlType;
    private final String postgresName;

    Type(int sqlType, String postgresName) {
      this.sqlType = sqlType;
      this.postgresName = postgresName;
    }
  }

  private record Column<T>(String name, Type type, Function<? super T, ?> value) {}

  private final String table;
  private final List<Column<T>> columns = new ArrayList<>();

  private TableRows(String table) {
    this.table = table;
  }

  /** Rows of {@code table}; name its columns in order with {@link #column}. */
  public static <T> TableRows<T> of(String table) {
    return new TableRows<>(table);
  }

  /**
   * Adds the next column. Values are read as the type's Java class: {@link String}, {@link
   * Integer}, {@link Long}, {@link Boolean}, {@link BigDecimal} or {@link Instant}, or null.
   */
  public TableRows<T> column(String name, Type type, Function<? super T, ?> value) {
    columns.add(new Column<>(name, type, value));
    return this;
  }

  public String table() {
    return table;
  }

  /** How many parameters the statements take: one per column. */
  public int columnCount() {
    return columns.size();
  }

  /** {@code insert into table (a, b) values (?, ?)}: one row, for JDBC batches. */
  public String insert() {
    return "insert into "
        + table
        + " ("
        + names()
        + ") values ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  /** Binds one row's values to the parameters of {@link #insert()}. */
  public void bind(PreparedStatement ps, T row) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      Column<T> column = columns.get(i);
      Object value = column.value().apply(row);
      int index = i + 1;
      if (value == null) {
        ps.setNull(index, column.type().sqlType);
        continue;
      }
      switch (column.type()) {
        case VARCHAR -> ps.setString(index, (String) value);
        case INTEGER -> ps.setInt(index, (Integer) value);
        case BIGINT -> ps.setLong(index, (Long) value);
        case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
        case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
        // as Hibernate binds an Instant: the JVM's wall-clock time
        case TIMESTAMP -> ps.setTimestamp(index, Timestamp.from((Instant) value));
      }
    }
  }

  /**
   * PostgreSQL: {@code insert into table (a, b) select * from unnest(?::varchar[], ?::integer[])},
   * all rows at once from one array per column ({@link #bindArrays}).
   */
  public String insertFromArrays() {
    return "insert into "
        + table
        + " ("
        + names()
        + ") select * from unnest("
        + columns.stream()
            .map(c -> "?::" + c.type().postgresName + "[]")
            .collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * Binds {@code rows} to the parameters of {@link #insertFromArrays()}, which start at {@code
   * first}; returns the index of the next parameter. Each column goes as an array of texts that the
   * statement casts to the column's type, so every type is encoded the one way the driver quotes
   * texts: timestamps as wall-clock time (as {@link PreparedStatement#setTimestamp} writes them),
   * numbers as plain decimals.
   */
  public int bindArrays(PreparedStatement ps, int first, List<? extends T> rows)
      throws SQLException {
    ZoneId zone = ZoneId.systemDefault();
    int index = first;
    for (Column<T> column : columns) {
      String[] values = new String[rows.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = text(column.value().apply(rows.get(r)), zone);
      }
      // the driver sends a String[] as varchar[], quoting each text
      ps.setObject(index++, values);
    }
    return index;
  }

  private static String text(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      // wall-clock time to the microsecond, rounded as the driver rounds setTimestamp
      return LocalDateTime.ofInstant(i.plusNanos(500).truncatedTo(ChronoUnit.MICROS), zone)
          .toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  private String names() {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
