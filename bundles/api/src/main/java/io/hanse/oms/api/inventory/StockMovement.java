package io.hanse.oms.api.inventory;

import java.time.Instant;

/**
 * One entry of the append-only stock movement log. Summing the deltas of a SKU at a location gives
 * its balance.
 */
public record StockMovement(
    String id,
    String sku,
    String location,
    MovementType type,
    int onHandDelta,
    int reservedDelta,
    String reason,
    String user,
    String orderId,
    Instant at) {}
