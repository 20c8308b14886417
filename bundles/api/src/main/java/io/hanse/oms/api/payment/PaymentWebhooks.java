package io.hanse.oms.api.payment;

import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;

/**
 * A gateway that reports events through webhooks registers this service with the same {@link
 * PaymentGateway#NAME} property; they arrive at {@code POST /api/v1/payments/webhooks/<name>}.
 */
public interface PaymentWebhooks {

  /**
   * Verifies and reads one delivery.
   *
   * @throws WebhookRejectedException when the signature is missing, wrong or too old
   * @throws io.hanse.oms.api.ValidationException when the body is not an event
   */
  GatewayEvent receive(WebhookRequest request);
}
