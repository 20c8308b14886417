package io.hanse.oms.api.order;

import java.util.Map;

/** One line of an order submission; personalization fields fill the SKU's template. */
public record OrderLineRequest(String sku, int quantity, Map<String, String> personalization) {}
