package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentWebhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code etc/io.hanse.oms.payment.stripe.cfg}: registers the Stripe {@link PaymentGateway} and its
 * {@link PaymentWebhooks}. Registered by hand, not by DS, so that the configuration (the API key
 * and the webhook secret) does not become service properties every bundle can read; the services
 * carry only the gateway's name and tenders. Without an API key nothing is registered.
 */
@Component(
    service = {},
    configurationPid = StripeInstance.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StripeConfig.class)
public class StripeInstance {
  static final String PID = "io.hanse.oms.payment.stripe";
  static final String NAME = "stripe";

  private static final Logger LOG = LoggerFactory.getLogger(StripeInstance.class);

  /** The vault is optional: without it Stripe's own pm_ tokens still work. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CardDetokenizer vault;

  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
  private BundleContext context;

  @Activate
  synchronized void activate(BundleContext context, StripeConfig config) {
    this.context = context;
    register(config);
  }

  @Modified
  synchronized void modified(StripeConfig config) {
    unregister();
    register(config);
  }

  @Deactivate
  synchronized void deactivate() {
    unregister();
  }

  private void register(StripeConfig config) {
    String apiKey = config.apiKey() == null ? "" : config.apiKey().trim();
    if (apiKey.isEmpty()) {
      LOG.warn(
          "Stripe gateway not offered: apiKey is not set in etc/{}.cfg; card payments that go to"
              + " Stripe are refused until it is",
          PID);
      return;
    }
    if (!apiKey.startsWith("sk_") && !apiKey.startsWith("rk_")) {
      LOG.warn("The Stripe apiKey in etc/{}.cfg is not a secret key (sk_... or rk_...)", PID);
    }
    String apiUrl =
        config.apiUrl() == null || config.apiUrl().isBlank()
            ? "https://api.stripe.com"
            : config.apiUrl().trim();
    if (!apiUrl.startsWith("https://") && !isLoopback(apiUrl)) {
      // card numbers and the secret key travel in these requests: never in clear over a network
      LOG.warn(
          "Stripe gateway not offered: apiUrl in etc/{}.cfg must be https (http only to a local"
              + " test stub)",
          PID);
      return;
    }
    StripeClient client =
        new StripeClient(apiUrl, apiKey, Duration.ofSeconds(Math.max(1, config.timeoutSeconds())));
    StripeGateway gateway =
        new StripeGateway(
            client,
            new StripePaymentMethods(client, () -> vault),
            StripeDescriptors.suffix(config.statementDescriptor()));
    String secret = config.webhookSecret() == null ? "" : config.webhookSecret().trim();
    if (secret.isEmpty()) {
      LOG.warn("Stripe webhooks are refused: webhookSecret is not set in etc/{}.cfg", PID);
    }
    StripeWebhooks webhooks =
        new StripeWebhooks(
            secret,
            Duration.ofSeconds(Math.max(1, config.webhookToleranceSeconds())),
            Clock.systemUTC());
    registrations.add(
        context.registerService(
            PaymentGateway.class,
            gateway,
            FrameworkUtil.asDictionary(
                Map.of(PaymentGateway.NAME, NAME, PaymentGateway.TENDERS, "card"))));
    registrations.add(
        context.registerService(
            PaymentWebhooks.class,
            webhooks,
            FrameworkUtil.asDictionary(Map.of(PaymentGateway.NAME, NAME))));
    LOG.info("Stripe gateway registered for {} (API version {})", apiUrl, StripeClient.API_VERSION);
  }

  private void unregister() {
    for (ServiceRegistration<?> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException e) {
        // already gone with the bundle
      }
    }
    registrations.clear();
  }

  static boolean isLoopback(String url) {
    try {
      java.net.URI uri = java.net.URI.create(url);
      String host = uri.getHost();
      return "http".equals(uri.getScheme())
          && host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
