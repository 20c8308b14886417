package io.hanse.oms.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.order.OrderServiceImpl;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the inbox forgets, and what it keeps: the problem queue. */
class InboxPruningTest {
  private final TestDatabase db = new TestDatabase();
  private final Transactions tx = new Transactions(db);
  private final ChannelInboxImpl inbox =
      new ChannelInboxImpl(
          tx, new ChannelRegistry(), new OrderServiceImpl(tx), new InventoryServiceImpl(tx));

  @AfterEach
  void close() {
    db.close();
  }

  private long entry(String delivery, InboxOutcome outcome) {
    return tx.write(
        em -> {
          InboxEntryEntity e =
              new InboxEntryEntity(
                  "shop", new InboundMessage(delivery, "orders/create", Map.of(), "{}"));
          em.persist(e);
          em.flush();
          if (outcome != InboxOutcome.RECEIVED) {
            e.settle(outcome, "1", null, null);
          }
          return e.id();
        });
  }

  @Test
  void settledMessagesGoProblemsStay() {
    entry("a", InboxOutcome.ACCEPTED);
    entry("b", InboxOutcome.IGNORED);
    long held = entry("c", InboxOutcome.ON_HOLD);
    long failed = entry("d", InboxOutcome.FAILED);
    long open = entry("e", InboxOutcome.RECEIVED);

    assertThat(inbox.prune(Instant.now().plusSeconds(5))).isEqualTo(2);

    assertThat(inbox.entries("shop", null, 10))
        .extracting(e -> e.id())
        .containsExactlyInAnyOrder(held, failed, open);
    assertThat(inbox.prune(Instant.now().minusSeconds(3600))).isZero();
  }
}
