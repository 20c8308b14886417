/**
 * Pricing SPI: how an order's lines get their prices. The core prices at list price; marketing
 * plugins register a {@link io.hanse.oms.api.pricing.PriceCalculator} with a higher {@code
 * service.ranking} to apply price lists and promotions on every channel.
 */
package io.hanse.oms.api.pricing;
