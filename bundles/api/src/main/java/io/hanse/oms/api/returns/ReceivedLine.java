package io.hanse.oms.api.returns;

/**
 * What arrived of a returned line and what becomes of it.
 *
 * @param location where it arrived; restocked items become available there
 */
public record ReceivedLine(String sku, int quantity, Disposition disposition, String location) {}
