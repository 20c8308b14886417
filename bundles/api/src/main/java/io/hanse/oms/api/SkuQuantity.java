package io.hanse.oms.api;

/**
 * A quantity of one SKU: a kit component, a shipment line, a receipt line.
 *
 * @param sku the stock keeping unit
 * @param quantity a positive quantity
 */
public record SkuQuantity(String sku, int quantity) {}
