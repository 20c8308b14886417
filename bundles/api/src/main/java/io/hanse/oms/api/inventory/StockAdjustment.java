package io.hanse.oms.api.inventory;

/**
 * A counted change of stock on hand: positive for found or received goods, negative for damage,
 * shrinkage or a recount.
 *
 * @param quantity the change, not zero
 * @param reason why, recorded on the movement
 */
public record StockAdjustment(String sku, String location, int quantity, String reason) {}
