package io.hanse.oms.core.order;

import io.hanse.oms.core.TestDatabase;

/**
 * {@link OrderRowsTest} on the real PostgreSQL, where a batch writes its rows and stock in one
 * statement from arrays.
 */
class OrderRowsOnPostgresTest extends OrderRowsTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
