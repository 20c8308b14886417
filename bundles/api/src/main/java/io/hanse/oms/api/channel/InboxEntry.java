package io.hanse.oms.api.channel;

import java.time.Instant;
import java.util.Map;

/**
 * One stored inbound message and what became of it.
 *
 * @param body the raw body, or {@code null} in listings
 * @param claimed whether someone is acting on it right now
 */
public record InboxEntry(
    long id,
    String channel,
    String deliveryId,
    String topic,
    String externalId,
    Instant receivedAt,
    InboxOutcome outcome,
    String orderId,
    String detail,
    int attempts,
    Map<String, String> headers,
    String body,
    boolean claimed) {}
