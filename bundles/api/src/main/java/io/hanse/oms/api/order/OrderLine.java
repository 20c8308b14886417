package io.hanse.oms.api.order;

import io.hanse.oms.api.Money;
import java.util.Map;

/**
 * A line of an order with its price and how much of it is reserved, backordered, shipped or
 * cancelled.
 */
public record OrderLine(
    int lineNo,
    String sku,
    String name,
    int quantity,
    Money unitPrice,
    Money lineTotal,
    Map<String, String> personalization,
    int reserved,
    int backordered,
    int shipped,
    int cancelled) {}
