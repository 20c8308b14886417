package io.hanse.oms.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentWebhooks;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * What the component registers for a configuration, with a recording stand-in for the framework.
 */
class StripeInstanceTest {
  private static final String KEY = "sk_test_51HanseInstanceTestKey";
  private static final String SECRET = "whsec_instance_test_secret";

  /** One registerService call, and whether it was unregistered since. */
  private static final class Registered {
    final String service;
    final Object implementation;
    final Map<String, Object> properties = new HashMap<>();
    boolean unregistered;

    Registered(String service, Object implementation, Dictionary<String, ?> properties) {
      this.service = service;
      this.implementation = implementation;
      for (String key : Collections.list(properties.keys())) {
        this.properties.put(key, properties.get(key));
      }
    }
  }

  private final List<Registered> registered = new ArrayList<>();

  private BundleContext context() {
    return (BundleContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("registerService") || !(args[0] instanceof Class)) {
                throw new UnsupportedOperationException(method.getName());
              }
              @SuppressWarnings("unchecked")
              Registered r =
                  new Registered(
                      ((Class<?>) args[0]).getName(), args[1], (Dictionary<String, ?>) args[2]);
              registered.add(r);
              return Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ServiceRegistration.class},
                  (p, m, a) -> {
                    if (m.getName().equals("unregister")) {
                      r.unregistered = true;
                      return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                  });
            });
  }

  /** A configuration as ConfigAdmin would give it: the defaults, overridden by {@code values}. */
  private static StripeConfig config(Map<String, Object> values) {
    return (StripeConfig)
        Proxy.newProxyInstance(
            StripeConfig.class.getClassLoader(),
            new Class<?>[] {StripeConfig.class},
            (proxy, method, args) ->
                values.containsKey(method.getName())
                    ? values.get(method.getName())
                    : method.getDefaultValue());
  }

  private List<Registered> live() {
    return registered.stream().filter(r -> !r.unregistered).toList();
  }

  @Test
  void withoutAnApiKeyNothingIsOffered() {
    StripeInstance instance = new StripeInstance();

    instance.activate(context(), config(Map.of("webhookSecret", SECRET)));

    assertThat(registered).isEmpty();
    instance.deactivate();
  }

  @Test
  void theGatewayAndItsWebhooksAreRegisteredWithoutTheirSecrets() {
    StripeInstance instance = new StripeInstance();

    instance.activate(context(), config(Map.of("apiKey", KEY, "webhookSecret", SECRET)));

    assertThat(live()).hasSize(2);
    Registered gateway = live().get(0);
    assertThat(gateway.service).isEqualTo(PaymentGateway.class.getName());
    assertThat(gateway.implementation).isInstanceOf(StripeGateway.class);
    assertThat(gateway.properties)
        .isEqualTo(Map.of(PaymentGateway.NAME, "stripe", PaymentGateway.TENDERS, "card"));
    Registered webhooks = live().get(1);
    assertThat(webhooks.service).isEqualTo(PaymentWebhooks.class.getName());
    assertThat(webhooks.properties).isEqualTo(Map.of(PaymentGateway.NAME, "stripe"));
    for (Registered r : registered) {
      assertThat(r.properties.toString()).doesNotContain(KEY).doesNotContain(SECRET);
    }

    instance.modified(config(Map.of("apiKey", KEY, "timeoutSeconds", 5)));
    assertThat(registered).hasSize(4);
    assertThat(live()).hasSize(2);

    instance.modified(config(Map.of("apiKey", " ")));
    assertThat(live()).isEmpty();

    instance.modified(config(Map.of("apiKey", KEY)));
    instance.deactivate();
    assertThat(live()).isEmpty();
  }
}
