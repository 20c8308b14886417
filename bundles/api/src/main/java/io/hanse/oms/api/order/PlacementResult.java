package io.hanse.oms.api.order;

/**
 * The outcome of placing an order.
 *
 * @param replayed true when the same submission was taken before and this is that order
 */
public record PlacementResult(Order order, boolean replayed) {}
