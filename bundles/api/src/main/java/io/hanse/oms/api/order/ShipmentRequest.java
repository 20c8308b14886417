package io.hanse.oms.api.order;

import io.hanse.oms.api.SkuQuantity;
import java.util.List;

/** What leaves in one parcel: quantities per SKU of the order, the carrier and tracking number. */
public record ShipmentRequest(List<SkuQuantity> lines, String carrier, String trackingNumber) {}
