package io.hanse.oms.api.channel;

import io.hanse.oms.api.SkuQuantity;
import java.util.List;

/** A shipment of a channel's order, to be reported back to the channel. */
public record ChannelShipment(
    String externalId,
    String orderId,
    String shipmentId,
    String carrier,
    String trackingNumber,
    List<SkuQuantity> lines) {}
