package io.hanse.oms.payment.stripe;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The Stripe account Hanse charges cards through: {@code etc/io.hanse.oms.payment.stripe.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS Stripe gateway",
    description =
        "Card payments through Stripe PaymentIntents; webhooks arrive at"
            + " /api/v1/payments/webhooks/stripe")
public @interface StripeConfig {

  @AttributeDefinition(
      description =
          "Secret API key (sk_live_... or sk_test_..., or a restricted rk_... key with write access"
              + " to PaymentIntents, PaymentMethods and Refunds). Blank: the gateway is not offered.",
      type = AttributeType.PASSWORD,
      required = false)
  String apiKey() default "";

  @AttributeDefinition(description = "Stripe API base URL", required = false)
  String apiUrl() default "https://api.stripe.com";

  @AttributeDefinition(
      description =
          "Signing secret of the webhook endpoint (whsec_...); without it every delivery is"
              + " rejected",
      type = AttributeType.PASSWORD,
      required = false)
  String webhookSecret() default "";

  @AttributeDefinition(
      description =
          "Seconds to wait for Stripe's answer; a call that takes longer is retried later with the"
              + " same idempotency key")
  int timeoutSeconds() default 20;

  @AttributeDefinition(
      description = "How far a webhook's signed timestamp may be from now, in seconds")
  int webhookToleranceSeconds() default 300;

  @AttributeDefinition(
      description =
          "Suffix of the card statement descriptor (Latin letters, up to 22 characters with the"
              + " account's prefix); blank: the account's default",
      required = false)
  String statementDescriptor() default "";
}
