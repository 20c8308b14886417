package io.hanse.oms.core.outbox;

import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * Writes events into the outbox table inside the caller's transaction: an event exists exactly when
 * its change committed. {@link OutboxRelay} publishes them.
 */
public final class Outbox {
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
}
