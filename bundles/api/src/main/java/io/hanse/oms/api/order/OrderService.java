package io.hanse.oms.api.order;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.IdempotencyKeyReusedException;
import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import java.util.List;
import java.util.Optional;

/** Orders from every channel through one path. Each call is one transaction. */
public interface OrderService {

  /**
   * Takes an order: customer, prices, stock reservation and the order in one transaction. A
   * repeated idempotency key or (channel, externalId) returns the order already taken.
   *
   * @param idempotencyKey optional key the caller sends with each retry of the same request
   * @param user who placed it (an agent, a channel connector), recorded on the order
   * @throws ValidationException for an invalid submission or unknown SKU
   * @throws InsufficientStockException when a SKU that takes no backorders is short; nothing is
   *     reserved
   * @throws IdempotencyKeyReusedException when the key was used for a different submission
   */
  PlacementResult place(OrderSubmission submission, String idempotencyKey, String user);

  /**
   * Takes an order a channel has already accepted from its customer but that cannot go ahead as it
   * is (unknown SKU, stock short, missing address, totals that don't add up): it is recorded on
   * hold with the problems as its reason, never refused for them. What can be reserved is; when a
   * SKU is unknown or short, nothing is, and releasing the hold later takes it properly (prices,
   * stock) or says what is still wrong. A repeated (channel, externalId) returns the order already
   * taken.
   *
   * @param problems why it is held; at least one
   * @throws ValidationException when even that is impossible (no external id, no lines)
   */
  PlacementResult takeOnHold(OrderSubmission submission, List<String> problems, String user);

  /**
   * Records a sale completed in a store: the customer paid there and took the goods, so the stock
   * leaves that location at once and the order is recorded as shipped ({@code carrier} "in-store",
   * the sale's id as tracking number). When the location's available stock does not cover it, or a
   * SKU is unknown, the sale is kept on hold at that location, reserving nothing anywhere;
   * releasing it (or recording it again) takes it there once the count is right. A repeated
   * (channel, externalId) returns the order already recorded and moves no stock.
   *
   * @param location the store's location code
   * @throws ValidationException for an unknown location or a malformed sale
   */
  PlacementResult recordSale(OrderSubmission sale, String location, String user);

  /**
   * Keeps a store sale that cannot be recorded as it came (a line left out, a quantity capped) on
   * hold at its location with the problems, reserving nothing anywhere, like an uncovered sale.
   */
  PlacementResult holdStoreSale(
      OrderSubmission sale, String location, List<String> problems, String user);

  Optional<Order> find(String id);

  /** The order a channel sent with this id of its own. */
  Optional<Order> findByExternalId(String channel, String externalId);

  /**
   * The order with this id.
   *
   * @throws NotFoundException for an unknown id
   */
  default Order get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("order", id));
  }

  /** Orders matching the query, newest first. */
  Page<Order> search(OrderQuery query);

  /**
   * Cancels an order that has not shipped and releases its reservations.
   *
   * @throws ConflictException when it has shipped, in part or whole, or is closed
   */
  Order cancel(String id, String reason, String user);

  /**
   * Ships reserved quantities; the order becomes partially shipped or shipped.
   *
   * @throws ConflictException when a line ships more than is reserved, or the order is on hold,
   *     cancelled or closed
   */
  Order ship(String id, ShipmentRequest shipment, String user);

  /** Puts an order on hold so that it does not ship. */
  Order hold(String id, String reason, String user);

  /**
   * Releases a hold. An order taken on hold without reservations ({@link #takeOnHold}) is taken
   * properly now: priced and reserved, or refused with what is still wrong.
   *
   * @throws ValidationException when a SKU is still unknown
   * @throws InsufficientStockException when stock is still short
   */
  Order release(String id, String user);

  /** Closes a shipped order. */
  Order close(String id, String user);
}
