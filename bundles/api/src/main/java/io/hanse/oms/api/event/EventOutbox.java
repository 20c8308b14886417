package io.hanse.oms.api.event;

import java.time.Instant;
import java.util.List;

/**
 * The operator's view of the outbox: events written with their change and not yet published, and
 * those whose publishing failed so often that the relay stopped trying until told to retry. An
 * entry is an outbox row: one event, or several events of one topic written together (the stock
 * events of a batch of orders), which listeners receive one by one with the ids {@code <row
 * id>.<n>}.
 */
public interface EventOutbox {

  /** A row waiting in the outbox. */
  record Entry(String id, String topic, Instant createdAt, int attempts, String lastError) {}

  /** How many rows wait, how many of them failed, and since when the oldest waits. */
  record Status(long pending, long failed, Instant oldestPendingAt) {}

  Status status();

  /** Waiting rows, oldest first; only the failed ones when {@code failedOnly}. */
  List<Entry> list(boolean failedOnly, int limit);

  /**
   * Makes failed rows eligible for publishing again: the one with {@code id} (a row's id, or the id
   * {@code <row id>.<n>} of an event it carries), or all failed ones when {@code id} is null.
   * Returns how many.
   *
   * @throws io.hanse.oms.api.NotFoundException when no failed event has that id
   */
  int retry(String id);
}
