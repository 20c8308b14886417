package io.hanse.oms.api.pricing;

import io.hanse.oms.api.Money;

/** A line to price: SKU, quantity and the catalog's list price. */
public record PricingLine(String sku, int quantity, Money listPrice) {}
