package io.hanse.oms.api.payment;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import java.util.List;

/**
 * Payments through an order's life. Orders are authorized when accepted (see {@link
 * io.hanse.oms.api.order.OrderService#place}), captured per shipment and voided on cancel by the
 * core itself; this service shows them and does what people ask for: refunds, another tender for a
 * declined order, a check cleared or bounced.
 */
public interface PaymentService {

  /** The payments of an order, oldest first. */
  List<Payment> forOrder(String orderId);

  /**
   * The payment with this id.
   *
   * @throws NotFoundException for an unknown id
   */
  Payment get(String paymentId);

  /** Payments newest first, optionally only those in {@code status}. */
  Page<Payment> list(PaymentStatus status, int offset, int limit);

  /**
   * Adds a tender to an order (a call center agent takes another card after a decline) and
   * authorizes it; when the order's payments now cover it, a payment hold is released.
   *
   * @throws ConflictException when the order is closed, cancelled or already fully paid
   */
  Payment addPayment(String orderId, PaymentInstruction instruction, String user);

  /**
   * Refunds {@code amount} of what was captured, newest tender first (a gift card before the card
   * it was split with is the customer's usual wish: the card's money comes back last), or as store
   * credit on a new gift card. Never more than was captured and not yet refunded, whatever runs at
   * the same time; a retry with the same {@code idempotencyKey} returns the first refund.
   *
   * @param storeCredit put the money on a new gift card instead of the original tenders
   * @throws ValidationException for an amount that is not positive or exceeds what can be refunded
   */
  Refund refund(
      String orderId,
      Money amount,
      String reason,
      boolean storeCredit,
      String idempotencyKey,
      String user);

  /**
   * Records that a check cleared (the payment is captured) or bounced (declined; the order is put
   * on hold).
   *
   * @throws ConflictException when the payment is not a check awaiting clearance
   */
  Payment settleCheck(String paymentId, boolean cleared, String user);

  /**
   * Records what a gateway reports through its webhook (a refund or capture made in its dashboard,
   * an authorization cancelled there, a dispute): verified by the gateway's {@link
   * PaymentWebhooks}, recorded once per event, never counting twice what Hanse did itself.
   *
   * @throws NotFoundException when no installed gateway of that name receives webhooks
   * @throws io.hanse.oms.api.channel.WebhookRejectedException for a bad signature
   */
  GatewayEventResult receiveWebhook(
      String gateway, io.hanse.oms.api.channel.WebhookRequest request);
}
