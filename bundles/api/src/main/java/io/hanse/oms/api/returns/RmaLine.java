package io.hanse.oms.api.returns;

import io.hanse.oms.api.Money;

/**
 * A line of a return.
 *
 * @param quantity asked to return
 * @param received arrived so far
 * @param restocked of those, put back on the shelf
 * @param writtenOff of those, written off
 * @param refundValue what the returned quantity was paid (the order line's unit price)
 */
public record RmaLine(
    String sku,
    int quantity,
    String reason,
    int received,
    int restocked,
    int writtenOff,
    Money refundValue) {}
