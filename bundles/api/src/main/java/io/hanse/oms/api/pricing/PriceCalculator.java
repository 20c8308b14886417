package io.hanse.oms.api.pricing;

import java.util.List;

/**
 * Prices the lines of an order. The core uses the registered calculator with the highest {@code
 * service.ranking}; without one, lines are priced at list price.
 */
public interface PriceCalculator {

  /**
   * Prices every line of the request.
   *
   * @return one priced line per request line, in the same order and currency
   */
  List<PricedLine> price(PricingRequest request);
}
