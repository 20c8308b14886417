package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.GatewayResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the source of an authorization into a Stripe PaymentMethod. A {@code pm_…} from a hosted
 * checkout is used as it is; a Hanse vault token is revealed through {@link CardDetokenizer} and
 * sent to Stripe once, as a new PaymentMethod. The card number goes into the request body and
 * nowhere else: not into logs, messages or results.
 */
final class StripePaymentMethods {
  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentMethods.class);

  /** How long Stripe keeps an idempotency key, and so how long a created method is remembered. */
  private static final Duration KEPT = Duration.ofHours(24);

  private static final int MAX_KEPT = 10_000;

  private final StripeClient client;
  private final Supplier<CardDetokenizer> vault;

  /**
   * PaymentMethods created for vault tokens, by the idempotency key of their authorization. The
   * vault hands out a card's security code once, so a retried authorization could not repeat the
   * first request; it reuses the PaymentMethod instead, and the PaymentIntent request stays the
   * same, which Stripe answers from its idempotency store.
   */
  private final Map<String, Created> created =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Created> eldest) {
          return size() > MAX_KEPT;
        }
      };

  private record Created(String paymentMethod, Instant at) {}

  /** A PaymentMethod to charge, or why there is none. */
  record Resolved(String paymentMethod, GatewayResult declined) {}

  StripePaymentMethods(StripeClient client, Supplier<CardDetokenizer> vault) {
    this.client = client;
    this.vault = vault;
  }

  Resolved resolve(String source, String idempotencyKey, String operation) {
    if (source != null && source.startsWith("pm_")) {
      return new Resolved(source, null);
    }
    if (!CardToken.isVaultToken(source)) {
      // never echo the source: it might be a card number typed into the wrong field
      return declined("invalid_source", "a card source must be a vault token or a Stripe pm_ id");
    }
    String known = remembered(idempotencyKey);
    if (known != null) {
      return new Resolved(known, null);
    }
    CardDetokenizer detokenizer = vault.get();
    if (detokenizer == null) {
      // the vault restarts when its configuration changes: ask again, don't decline for good
      throw new io.hanse.oms.api.payment.PaymentUnavailableException("card vault not available");
    }
    Optional<CardSecret> card = detokenizer.reveal(source);
    if (card.isEmpty()) {
      return declined("invalid_token", "unknown card token");
    }
    CardSecret secret = card.get();
    StripeForm form =
        new StripeForm()
            .add("type", "card")
            .add("card[number]", secret.number())
            .add("card[exp_month]", secret.card().expMonth())
            .add("card[exp_year]", secret.card().expYear())
            .add("card[cvc]", secret.cvc());
    // With and without the security code are two different requests for Stripe's idempotency.
    String key = idempotencyKey + (secret.cvc() == null ? "-pm-nocvc" : "-pm");
    StripeResponse response =
        client.post(
            "v1/payment_methods",
            form,
            key,
            "create a PaymentMethod of " + secret.card().display() + " to " + operation);
    if (!response.ok()) {
      return new Resolved(null, response.error().declined(null));
    }
    String id = response.text("id");
    if (id == null) {
      return declined("invalid_response", "Stripe returned no PaymentMethod id");
    }
    remember(idempotencyKey, id);
    LOG.debug("Created Stripe PaymentMethod {} for {}", id, secret);
    return new Resolved(id, null);
  }

  private static Resolved declined(String code, String message) {
    return new Resolved(null, GatewayResult.declined(null, code, message));
  }

  private synchronized String remembered(String idempotencyKey) {
    Created c = created.get(idempotencyKey);
    if (c == null || c.at().isBefore(Instant.now().minus(KEPT))) {
      return null;
    }
    return c.paymentMethod();
  }

  private synchronized void remember(String idempotencyKey, String paymentMethod) {
    created.put(idempotencyKey, new Created(paymentMethod, Instant.now()));
  }
}
