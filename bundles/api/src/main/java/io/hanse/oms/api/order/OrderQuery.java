package io.hanse.oms.api.order;

/**
 * Filters for listing orders; {@code null} filters match everything.
 *
 * @param customer a customer id or email
 */
public record OrderQuery(String channel, OrderStatus status, String customer, int page, int size) {}
