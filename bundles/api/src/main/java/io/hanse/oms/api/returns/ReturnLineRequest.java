package io.hanse.oms.api.returns;

/** A line the customer wants to return: how many of a SKU of the order. */
public record ReturnLineRequest(String sku, int quantity, String reason) {}
