package io.hanse.oms.api.inventory;

import java.util.List;

/**
 * Stock of a SKU over all locations. For a kit, the figures are derived from its components: how
 * many whole kits the components make.
 */
public record StockSummary(
    String sku, int onHand, int reserved, int available, List<LocationStock> locations) {}
