package io.hanse.oms.api.channel;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * How a channel instance is doing.
 *
 * @param problem a configuration problem, or {@code null}
 * @param pendingSkus SKUs whose availability waits to be pushed
 * @param pushedAt when availability last reached the channel
 * @param lastError the last failed call to the channel, or {@code null} after a success
 * @param failures failed calls since the last success
 * @param pendingNotifications shipment and cancel notices waiting to be delivered
 * @param inbox inbound messages by outcome
 */
public record ChannelStatus(
    String name,
    String connector,
    Set<String> departments,
    String problem,
    int pendingSkus,
    long pushedSkus,
    Instant pushedAt,
    String lastError,
    int failures,
    long pendingNotifications,
    Map<InboxOutcome, Long> inbox) {}
