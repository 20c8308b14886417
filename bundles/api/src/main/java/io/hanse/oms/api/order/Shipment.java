package io.hanse.oms.api.order;

import io.hanse.oms.api.SkuQuantity;
import java.time.Instant;
import java.util.List;

/** A parcel that left with a carrier. */
public record Shipment(
    String id, String carrier, String trackingNumber, List<SkuQuantity> lines, Instant shippedAt) {}
