package io.hanse.oms.api.pricing;

import io.hanse.oms.api.Money;

/** The price a calculator gave a line; {@code lineTotal} may include line discounts. */
public record PricedLine(String sku, Money unitPrice, Money lineTotal) {}
