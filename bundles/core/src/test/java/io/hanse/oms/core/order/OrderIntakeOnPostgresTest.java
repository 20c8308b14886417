package io.hanse.oms.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.core.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderIntakeTest} on the real PostgreSQL: its batches write in one statement, and lock the
 * stock they read until they commit.
 */
class OrderIntakeOnPostgresTest extends OrderIntakeTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }

  /** Not here: PostgreSQL's batch holds the stock it read (below). */
  @Override
  void stockTakenDuringABatchFailsItWhole() {}

  /**
   * The batch locked A's row when it read it: the count waits for the batch's commit, then finds
   * two of the six units reserved and cannot count all six away; the batch takes all three orders.
   */
  @Test
  void aStockCountDuringABatchWaitsForItsCommit() throws Exception {
    Thread[] counter = new Thread[1];

    List<Object> outcomes = aBatchDuringAStockCountOfAllOfA(counter);
    counter[0].join(10_000);

    assertThat(counter[0].isAlive()).isFalse();
    assertThat(outcomes).allMatch(PlacementResult.class::isInstance);
    assertThat(inventory.stock("A", null).reserved()).isEqualTo(2);
    assertThat(inventory.stock("A", null).onHand()).isEqualTo(6);
  }
}
