package io.hanse.oms.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Day arguments ({@code yyyy-mm-dd}, in the server's time zone) as instants. */
final class Days {
  private Days() {}

  /** The first instant of the day, or null for no day. */
  static Instant startOf(String day, String option) {
    return day == null ? null : parse(day, option).atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  /** The first instant after the day, so that the day itself is included. */
  static Instant endOf(String day, String option) {
    return day == null
        ? null
        : parse(day, option).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
  }

  private static LocalDate parse(String day, String option) {
    try {
      return LocalDate.parse(day.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be a day like 2026-11-27, not '" + day + "'");
    }
  }
}
