package io.hanse.oms.api.order;

/**
 * Where an order stands. An order starts {@code CONFIRMED} (all reserved) or {@code BACKORDERED}
 * (some lines wait for stock); it moves through {@code PARTIALLY_SHIPPED} to {@code SHIPPED} and
 * {@code CLOSED}, may be put {@code ON_HOLD} and released before it ships, and may be {@code
 * CANCELLED} until its first shipment.
 */
public enum OrderStatus {
  CONFIRMED,
  BACKORDERED,
  ON_HOLD,
  PARTIALLY_SHIPPED,
  SHIPPED,
  CANCELLED,
  CLOSED,
  /** Everything shipped came back (received on returns). */
  RETURNED
}
