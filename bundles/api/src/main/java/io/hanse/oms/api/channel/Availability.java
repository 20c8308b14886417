package io.hanse.oms.api.channel;

/** How many units of a SKU a channel may sell: available in its departments less safety stock. */
public record Availability(String sku, int quantity) {}
