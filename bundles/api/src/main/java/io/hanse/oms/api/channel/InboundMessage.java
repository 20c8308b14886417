package io.hanse.oms.api.channel;

import java.util.Map;

/**
 * A verified message from a channel, as the inbox stores it.
 *
 * @param deliveryId the platform's id of this delivery or event; a repeat is a duplicate
 * @param topic what it is about, in the platform's words ({@code orders/create})
 * @param headers headers worth keeping for support, never a secret or signature
 * @param body the raw body as text
 */
public record InboundMessage(
    String deliveryId, String topic, Map<String, String> headers, String body) {}
