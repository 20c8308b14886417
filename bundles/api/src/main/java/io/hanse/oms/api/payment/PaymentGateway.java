package io.hanse.oms.api.payment;

/**
 * A card processor or tender, registered as an OSGi service with {@link #NAME} and {@link
 * #TENDERS}. The core calls it outside its own transactions and records each call on the order.
 *
 * <p>Every method may be called again with the same idempotency key after a timeout or a crash; it
 * must then return the first outcome and never act twice. A gateway that cannot tell throws {@link
 * PaymentUnavailableException}, and the call is retried later. A declined operation is an answer,
 * not an exception.
 */
public interface PaymentGateway {

  /** Service property: the gateway's name ({@code stripe}, {@code simulator}, {@code giftcard}). */
  String NAME = "hanse.payment.gateway";

  /**
   * Service property: the tenders it takes ({@code card}, {@code giftcard}, {@code check}, ...).
   */
  String TENDERS = "hanse.payment.tenders";

  /** Reserves the amount (a card authorization, a gift card hold, on-account credit). */
  GatewayResult authorize(AuthorizationRequest request);

  /** Takes part or all of what was authorized; may be called once per shipment. */
  GatewayResult capture(GatewayOperation operation);

  /** Releases what was authorized and not captured. */
  GatewayResult cancel(GatewayOperation operation);

  /** Gives back part or all of what was captured. */
  GatewayResult refund(GatewayOperation operation);
}
