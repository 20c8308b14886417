package io.hanse.oms.api.channel;

import io.hanse.oms.api.SkuQuantity;
import java.util.List;

/**
 * A shipment of a channel's order, to be reported back to the channel.
 *
 * @param complete whether the order has nothing left to ship after it
 */
public record ChannelShipment(
    String externalId,
    String orderId,
    String shipmentId,
    String carrier,
    String trackingNumber,
    List<SkuQuantity> lines,
    boolean complete) {}
