package io.hanse.oms.api.channel;

/**
 * The answer to one inbound message.
 *
 * @param entryId the inbox entry that holds it
 * @param duplicate whether this delivery had been received before
 */
public record WebhookResult(
    long entryId, InboxOutcome outcome, String orderId, String detail, boolean duplicate) {}
