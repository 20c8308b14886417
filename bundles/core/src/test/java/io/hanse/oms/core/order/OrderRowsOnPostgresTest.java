package io.hanse.oms.core.order;

import io.hanse.oms.core.TestDatabase;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link OrderRowsTest} on the real PostgreSQL, where a batch writes its rows and stock in one
 * statement from arrays, and in a JVM time zone other than the machine's UTC: the arrays carry
 * times as wall-clock texts, which must read back as the same instants.
 */
class OrderRowsOnPostgresTest extends OrderRowsTest {
  private static TimeZone before;

  @BeforeAll
  static void awayFromUtc() {
    before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns")); // UTC-03:30 or -02:30
  }

  @AfterAll
  static void backToTheMachinesZone() {
    TimeZone.setDefault(before);
  }

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
