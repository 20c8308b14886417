package io.hanse.oms.api.inventory;

/**
 * Stock of one SKU at one location. {@code available = onHand - reserved}; channels are offered
 * {@code available - safetyStock}.
 */
public record LocationStock(
    String location, int onHand, int reserved, int available, int safetyStock) {}
