package io.hanse.oms.api.returns;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import java.util.List;

/** Returns of shipped goods: request, authorize, receive (restock or write off) and refund. */
public interface ReturnService {

  /**
   * Opens a return for lines of an order.
   *
   * @throws ValidationException for a SKU not on the order or more than was shipped and not yet
   *     returned
   * @throws NotFoundException for an unknown order
   */
  Rma request(String orderId, List<ReturnLineRequest> lines, String reason, String user);

  /**
   * The retailer agrees to the return.
   *
   * @throws ConflictException unless it is requested
   */
  Rma authorize(String rmaId, String user);

  /** The retailer refuses the return. */
  Rma reject(String rmaId, String reason, String user);

  /**
   * Records what arrived: restocked lines become available again at their location, written-off
   * lines are recorded as such; then the value of what arrived is refunded to the original tenders
   * or, with {@code storeCredit}, onto a new gift card. One transaction for the stock; the refund
   * is made exactly once even when this is retried.
   *
   * @throws ConflictException unless it is authorized
   * @throws ValidationException for more than was asked to return
   */
  Rma receive(String rmaId, List<ReceivedLine> lines, boolean storeCredit, String user);

  Rma get(String rmaId);

  /** The returns of an order, oldest first. */
  List<Rma> forOrder(String orderId);

  /** Returns in {@code status} (all when null), newest first. */
  List<Rma> list(RmaStatus status, int limit);
}
