package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.payment.GatewayEvent;
import io.hanse.oms.api.payment.PaymentWebhooks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stripe's webhook deliveries: the signature checked first, then the event read. */
final class StripeWebhooks implements PaymentWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

  private final String secret;
  private final Duration tolerance;
  private final Clock clock;

  StripeWebhooks(String secret, Duration tolerance, Clock clock) {
    this.secret = secret;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  @Override
  public GatewayEvent receive(WebhookRequest request) {
    StripeSignature.verify(request, secret, tolerance, clock.instant());
    GatewayEvent event = StripeEvents.read(request.body());
    LOG.debug("Stripe event {} ({}) read as {}", event.id(), event.message(), event.type());
    return event;
  }
}
