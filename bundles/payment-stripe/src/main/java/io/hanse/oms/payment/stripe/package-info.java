/**
 * The Stripe payment gateway: card authorizations as PaymentIntents with manual capture, partial
 * and multiple captures, releases, refunds, and verified Stripe webhooks. Nothing here is exported.
 */
package io.hanse.oms.payment.stripe;
