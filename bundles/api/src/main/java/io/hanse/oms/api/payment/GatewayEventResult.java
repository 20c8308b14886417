package io.hanse.oms.api.payment;

/**
 * What Hanse made of a gateway's webhook delivery.
 *
 * @param eventId the gateway's event id
 * @param type what the event was
 * @param recorded false when it was known already (a redelivery, an operation Hanse made itself) or
 *     concerns no payment of Hanse's
 * @param orderId the order whose payment it concerns, when known
 * @param detail what was done, for the gateway's delivery log
 */
public record GatewayEventResult(
    String eventId, GatewayEvent.Type type, boolean recorded, String orderId, String detail) {}
