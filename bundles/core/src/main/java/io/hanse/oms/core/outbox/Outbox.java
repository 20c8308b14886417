package io.hanse.oms.core.outbox;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Writes events into the outbox table inside the caller's transaction: an event exists exactly when
 * its change committed. {@link OutboxRelay} publishes them.
 */
public final class Outbox {
  /**
   * Payload key of a row that carries several events of its topic: the list of their properties.
   * The relay publishes each as an event of its own.
   */
  static final String EVENTS = "events";

  /** Room kept in a row's payload column (8,000 characters) for the events of one row. */
  static final int ROW_PAYLOAD = 7_000;

  private Outbox() {}

  /** Appends an event; property values must be strings, numbers or booleans. */
  public static void append(EntityManager em, String topic, Map<String, ?> properties) {
    em.persist(event(topic, properties));
  }

  /** An event to persist in the transaction whose change it announces. */
  public static OutboxEventEntity event(String topic, Map<String, ?> properties) {
    String id = Ids.next();
    Map<String, Object> payload = new LinkedHashMap<>(properties);
    payload.put(OmsTopics.EVENT_ID, id);
    return new OutboxEventEntity(id, topic, Json.write(payload));
  }

  /**
   * Events of one topic announcing one change, in as few rows as their payloads fit: a batch of
   * orders reserves stock at dozens of SKUs and locations, and one row instead of one per SKU
   * spares the database the inserts, the relay's reads and its updates. Listeners still get one
   * event per entry, whose id is the row's id and the entry's position ({@code <row id>.<n>}), the
   * same whenever the row is published again.
   */
  public static List<OutboxEventEntity> events(String topic, List<? extends Map<String, ?>> each) {
    List<OutboxEventEntity> rows = new ArrayList<>();
    List<Map<String, ?>> row = new ArrayList<>();
    List<String> json = new ArrayList<>();
    int length = 0;
    for (Map<String, ?> properties : each) {
      String entry = Json.write(properties);
      if (entry.length() > ROW_PAYLOAD) {
        throw new IllegalArgumentException(
            "an event of " + entry.length() + " characters does not fit an outbox row");
      }
      if (!row.isEmpty() && length + entry.length() + 1 > ROW_PAYLOAD) {
        rows.add(row(topic, row, json));
        row = new ArrayList<>();
        json = new ArrayList<>();
        length = 0;
      }
      row.add(properties);
      json.add(entry);
      length += entry.length() + 1;
    }
    if (!row.isEmpty()) {
      rows.add(row(topic, row, json));
    }
    return rows;
  }

  private static OutboxEventEntity row(
      String topic, List<Map<String, ?>> events, List<String> json) {
    if (events.size() == 1) {
      return event(topic, events.get(0));
    }
    // the entries are JSON already: joined, not written again
    String payload = "{\"" + EVENTS + "\":[" + String.join(",", json) + "]}";
    return new OutboxEventEntity(Ids.next(), topic, payload);
  }

  /**
   * The events a row carries, each with its properties and its id: one for a row of one event, one
   * per entry for a row of {@link #EVENTS}.
   */
  static List<Map<String, Object>> unpack(OutboxEventEntity row) {
    Map<String, Object> payload = Json.readObjectMap(row.payload());
    if (!(payload.get(EVENTS) instanceof List<?> entries)) {
      return List.of(payload);
    }
    List<Map<String, Object>> events = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw new IllegalStateException(
            "outbox row " + row.id() + ": entry " + i + " is no object");
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      entry.forEach((k, v) -> properties.put(String.valueOf(k), v));
      properties.put(OmsTopics.EVENT_ID, row.id() + "." + i);
      events.add(properties);
    }
    return events;
  }
}
