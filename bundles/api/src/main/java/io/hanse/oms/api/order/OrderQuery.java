package io.hanse.oms.api.order;

import java.time.Instant;

/**
 * Filters for listing orders; {@code null} filters match everything.
 *
 * @param customer a customer id or email
 * @param placedFrom only orders placed at or after this instant
 * @param placedBefore only orders placed before this instant
 */
public record OrderQuery(
    String channel,
    OrderStatus status,
    String customer,
    Instant placedFrom,
    Instant placedBefore,
    int page,
    int size) {

  /** A query without a time window. */
  public OrderQuery(String channel, OrderStatus status, String customer, int page, int size) {
    this(channel, status, customer, null, null, page, size);
  }
}
