package io.hanse.oms.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.event.EventOutbox;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.core.TestDatabase;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class OutboxRelayTest {

  /** Records what would have gone to OSGi listeners. */
  static class RecordingEventAdmin implements EventAdmin {
    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
      events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
      events.add(event);
    }
  }

  @Test
  void committedEventsArePublishedOnceRolledBackOnesNever() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      tx.write(
          em -> {
            Outbox.append(em, OmsTopics.ORDER_PLACED, Map.of(OmsTopics.ORDER_ID, "o1"));
            return null;
          });
      try {
        tx.write(
            em -> {
              Outbox.append(em, OmsTopics.ORDER_PLACED, Map.of(OmsTopics.ORDER_ID, "o2"));
              throw new IllegalStateException("rolled back");
            });
      } catch (IllegalStateException expected) {
        // the event of o2 must never appear
      }
      RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
      OutboxRelay relay = OutboxRelay.forTest(tx, eventAdmin, 100);
      assertThat(relay.publishBatch()).isEqualTo(1);
      assertThat(relay.publishBatch()).isZero();
      assertThat(eventAdmin.events).hasSize(1);
      Event event = eventAdmin.events.get(0);
      assertThat(event.getTopic()).isEqualTo(OmsTopics.ORDER_PLACED);
      assertThat(event.getProperty(OmsTopics.ORDER_ID)).isEqualTo("o1");
      assertThat(event.getProperty(OmsTopics.EVENT_ID)).isNotNull();
    }
  }

  @Test
  void aRowOfSeveralEventsIsPublishedAsOneEventEachWithIdsThatStayTheSame() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      // long SKUs: 300 entries do not fit one row's payload column
      List<Map<String, Object>> changes = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        changes.add(
            Map.of(OmsTopics.SKU, "SKU-" + "x".repeat(40) + i, OmsTopics.LOCATION, "WH", "n", i));
      }
      List<OutboxEventEntity> rows = Outbox.events(OmsTopics.STOCK_CHANGED, changes);
      assertThat(rows).hasSizeGreaterThan(1);
      assertThat(rows).allSatisfy(r -> assertThat(r.payload().length()).isLessThanOrEqualTo(8000));
      tx.write(
          em -> {
            rows.forEach(em::persist);
            return null;
          });
      RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
      assertThat(OutboxRelay.forTest(tx, eventAdmin, 100).publishBatch()).isEqualTo(rows.size());

      assertThat(eventAdmin.events).hasSize(300);
      assertThat(eventAdmin.events)
          .allSatisfy(e -> assertThat(e.getTopic()).isEqualTo(OmsTopics.STOCK_CHANGED));
      assertThat(eventAdmin.events.stream().map(e -> ((Number) e.getProperty("n")).intValue()))
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.range(0, 300).boxed().toList());
      assertThat(eventAdmin.events.stream().map(e -> e.getProperty(OmsTopics.EVENT_ID)).distinct())
          .hasSize(300);
      Event first = eventAdmin.events.get(0);
      assertThat(first.getProperty(OmsTopics.SKU)).asString().startsWith("SKU-");
      assertThat(first.getPropertyNames()).doesNotContain(Outbox.EVENTS);

      // a row published again (the relay stopped before marking it): the same ids, so listeners
      // recognise the duplicates
      assertThat(
              rows.stream()
                  .flatMap(r -> Outbox.unpack(r).stream())
                  .map(p -> p.get(OmsTopics.EVENT_ID)))
          .containsExactlyInAnyOrderElementsOf(
              eventAdmin.events.stream().map(e -> e.getProperty(OmsTopics.EVENT_ID)).toList());
    }
  }

  @Test
  void aFailedRowOfSeveralEventsIsRetriedByTheIdOfAnyOfItsEvents() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      List<OutboxEventEntity> rows =
          Outbox.events(
              OmsTopics.STOCK_CHANGED,
              List.of(Map.of(OmsTopics.SKU, "A"), Map.of(OmsTopics.SKU, "B")));
      assertThat(rows).hasSize(1);
      tx.write(
          em -> {
            em.persist(rows.get(0));
            return null;
          });
      EventAdmin broken =
          new RecordingEventAdmin() {
            @Override
            public void postEvent(Event event) {
              throw new IllegalStateException("listener registry gone");
            }
          };
      OutboxRelay failing = OutboxRelay.forTest(tx, broken, 100);
      for (int i = 0; i < OutboxEventEntity.MAX_ATTEMPTS; i++) {
        failing.publishBatch();
      }
      EventOutboxImpl outbox = new EventOutboxImpl(tx);
      assertThat(outbox.status().failed()).isEqualTo(1);

      // a listener's log names the event, <row id>.<n>: that finds the row
      assertThat(outbox.retry(rows.get(0).id() + ".1")).isEqualTo(1);
      RecordingEventAdmin working = new RecordingEventAdmin();
      assertThat(OutboxRelay.forTest(tx, working, 100).publishBatch()).isEqualTo(1);
      assertThat(working.events).hasSize(2);
    }
  }

  @Test
  void oneEventInARowIsAnOrdinaryEvent() {
    List<OutboxEventEntity> rows =
        Outbox.events(OmsTopics.STOCK_CHANGED, List.of(Map.of(OmsTopics.SKU, "A")));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).payload()).doesNotContain(Outbox.EVENTS).contains("\"sku\":\"A\"");
    assertThat(Outbox.unpack(rows.get(0)).get(0).get(OmsTopics.EVENT_ID))
        .isEqualTo(rows.get(0).id());
  }

  @Test
  void pruningDeletesOnlyEventsPublishedBeforeTheCutoffNeverPendingOnes() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
      OutboxRelay relay = OutboxRelay.forTest(tx, eventAdmin, 2000);
      appendEvents(tx, 1500);
      assertThat(relay.publishBatch()).isEqualTo(1500);
      Instant cutoff = Instant.now().plusSeconds(1);
      appendEvents(tx, 3); // still pending at the cutoff

      assertThat(relay.prune(cutoff)).isEqualTo(1500);

      assertThat(relay.prune(cutoff)).isZero();
      assertThat(relay.publishBatch()).isEqualTo(3);
      long left =
          tx.read(
              em ->
                  em.createQuery("select count(e) from OutboxEventEntity e", Long.class)
                      .getSingleResult());
      assertThat(left).isEqualTo(3);
    }
  }

  @Test
  void anEventThatKeepsFailingIsParkedUntilAnOperatorRetriesIt() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      RecordingEventAdmin working = new RecordingEventAdmin();
      EventAdmin broken =
          new RecordingEventAdmin() {
            @Override
            public void postEvent(Event event) {
              throw new IllegalStateException("listener registry gone");
            }
          };
      appendEvents(tx, 1);
      OutboxRelay failing = OutboxRelay.forTest(tx, broken, 100);
      for (int i = 0; i < OutboxEventEntity.MAX_ATTEMPTS; i++) {
        assertThat(failing.publishBatch()).isEqualTo(1);
      }
      assertThat(failing.publishBatch()).as("parked after the last attempt").isZero();

      EventOutboxImpl outbox = new EventOutboxImpl(tx);
      assertThat(outbox.status().pending()).isEqualTo(1);
      assertThat(outbox.status().failed()).isEqualTo(1);
      EventOutbox.Entry failed = outbox.list(true, 10).get(0);
      assertThat(failed.attempts()).isEqualTo(OutboxEventEntity.MAX_ATTEMPTS);
      assertThat(failed.lastError()).contains("listener registry gone");
      assertThatThrownBy(() -> outbox.retry("no-such-event")).isInstanceOf(NotFoundException.class);

      assertThat(outbox.retry(failed.id())).isEqualTo(1);
      OutboxRelay relay = OutboxRelay.forTest(tx, working, 100);
      assertThat(relay.publishBatch()).isEqualTo(1);
      assertThat(working.events).hasSize(1);
      assertThat(outbox.status().pending()).isZero();
      assertThat(outbox.list(false, 10)).isEmpty();
    }
  }

  @Test
  void anEventCommittedLongAfterItWasWrittenIsPublishedByTheNextSweep() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
      TestClock clock = new TestClock(Instant.now());
      OutboxRelay relay = OutboxRelay.forTest(tx, eventAdmin, 100, clock);
      appendEvents(tx, 2);
      assertThat(relay.publishBatch()).as("the first poll sweeps").isEqualTo(2);

      // written a minute ago by a transaction that commits only now, and one written just now
      tx.write(
          em -> {
            Outbox.append(em, OmsTopics.ORDER_PLACED, Map.of(OmsTopics.ORDER_ID, "late"));
            em.flush();
            return em.createQuery(
                    "update OutboxEventEntity e set e.createdAt = :written"
                        + " where e.publishedAt is null")
                .setParameter("written", clock.instant().minusSeconds(60))
                .executeUpdate();
          });
      tx.write(
          em -> {
            Outbox.append(em, OmsTopics.ORDER_PLACED, Map.of(OmsTopics.ORDER_ID, "recent"));
            return null;
          });

      assertThat(relay.publishBatch()).as("a poll looks at recent events").isEqualTo(1);
      assertThat(relay.publishBatch()).isZero();
      clock.advance(OutboxRelay.SWEEP_EVERY);
      assertThat(relay.publishBatch()).as("the sweep finds the late one").isEqualTo(1);
      assertThat(eventAdmin.events)
          .extracting(e -> e.getProperty(OmsTopics.ORDER_ID))
          .containsExactly("o0", "o1", "recent", "late");
      assertThat(new EventOutboxImpl(tx).status().pending()).isZero();
    }
  }

  @Test
  void anEventAnOperatorRetriesIsPublishedByTheNextSweepOfTheRunningRelay() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      TestClock clock = new TestClock(Instant.now());
      boolean[] broken = {true};
      RecordingEventAdmin eventAdmin =
          new RecordingEventAdmin() {
            @Override
            public void postEvent(Event event) {
              if (broken[0]) {
                throw new IllegalStateException("listener registry gone");
              }
              super.postEvent(event);
            }
          };
      OutboxRelay relay = OutboxRelay.forTest(tx, eventAdmin, 100, clock);
      appendEvents(tx, 1);
      for (int i = 0; i < OutboxEventEntity.MAX_ATTEMPTS; i++) {
        clock.advance(OutboxRelay.SWEEP_EVERY); // each attempt in a sweep: the event is old
        assertThat(relay.publishBatch()).isEqualTo(1);
      }
      clock.advance(OutboxRelay.SWEEP_EVERY);
      assertThat(relay.publishBatch()).as("parked").isZero();

      broken[0] = false;
      EventOutboxImpl outbox = new EventOutboxImpl(tx);
      assertThat(outbox.retry(null)).isEqualTo(1);
      assertThat(relay.publishBatch()).as("old: not in the window").isZero();
      clock.advance(OutboxRelay.SWEEP_EVERY);
      assertThat(relay.publishBatch()).as("the next sweep").isEqualTo(1);
      assertThat(eventAdmin.events).hasSize(1);
      assertThat(outbox.status().pending()).isZero();
    }
  }

  @Test
  void aClockSetBackMakesThePollsSweepsUntilOneRanOnTheNewTime() throws Exception {
    try (TestDatabase db = new TestDatabase()) {
      Transactions tx = new Transactions(db);
      RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
      TestClock clock = new TestClock(Instant.now());
      clock.advance(Duration.ofHours(1)); // an hour fast, then set right
      OutboxRelay relay = OutboxRelay.forTest(tx, eventAdmin, 100, clock);
      assertThat(relay.publishBatch()).isZero();
      clock.advance(Duration.ofHours(-1));
      appendEvents(tx, 2); // written at the right time, an hour before the relay's window

      assertThat(relay.publishBatch()).isEqualTo(2);
      assertThat(eventAdmin.events).hasSize(2);
    }
  }

  private static void appendEvents(Transactions tx, int count) {
    tx.write(
        em -> {
          for (int i = 0; i < count; i++) {
            Outbox.append(em, OmsTopics.ORDER_PLACED, Map.of(OmsTopics.ORDER_ID, "o" + i));
          }
          return null;
        });
  }
}
