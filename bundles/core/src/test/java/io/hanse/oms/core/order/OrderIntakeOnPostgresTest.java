package io.hanse.oms.core.order;

import io.hanse.oms.core.TestDatabase;

/**
 * {@link OrderIntakeTest} on the real PostgreSQL: its batches write in one statement, and stock
 * taken meanwhile by another writer must still fail the batch whole.
 */
class OrderIntakeOnPostgresTest extends OrderIntakeTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
