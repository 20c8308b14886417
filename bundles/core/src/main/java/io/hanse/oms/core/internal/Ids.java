package io.hanse.oms.core.internal;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * Identifiers of new rows: UUIDs of version 7, whose first 48 bits are the time in milliseconds and
 * the rest random. In text they sort by creation, so a new order, line, reservation, movement or
 * event lands at the right edge of its primary key's index instead of at a random page of it (a
 * page read, often a split, and on PostgreSQL a full-page image in the WAL after each checkpoint).
 * They are as hard to guess as before: 74 random bits from a secure random source for each id (ids
 * of the same millisecond are not ordered among themselves, which costs the index nothing).
 */
public final class Ids {
  private static final TimeBasedEpochRandomGenerator GENERATOR =
      Generators.timeBasedEpochRandomGenerator();

  private Ids() {}

  public static String next() {
    return GENERATOR.generate().toString();
  }
}
