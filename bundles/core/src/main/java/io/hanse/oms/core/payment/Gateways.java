package io.hanse.oms.core.payment;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentWebhooks;
import io.hanse.oms.api.payment.Tender;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/** The installed gateways by name, and which one takes each tender. */
@Component(
    service = Gateways.class,
    configurationPid = "io.hanse.oms.payment",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PaymentConfig.class)
public class Gateways {
  static final String STRIPE = "stripe";
  private final Map<String, PaymentGateway> byName = new ConcurrentHashMap<>();
  private volatile PaymentConfig config;

  @Activate
  @Modified
  void configure(PaymentConfig config) {
    this.config = config;
  }

  PaymentConfig config() {
    return config;
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + PaymentGateway.NAME + "=*)")
  void addGateway(PaymentGateway gateway, Map<String, Object> props) {
    byName.put(String.valueOf(props.get(PaymentGateway.NAME)), gateway);
  }

  void removeGateway(PaymentGateway gateway, Map<String, Object> props) {
    byName.remove(String.valueOf(props.get(PaymentGateway.NAME)), gateway);
  }

  private final Map<String, PaymentWebhooks> webhooks = new ConcurrentHashMap<>();

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + PaymentGateway.NAME + "=*)")
  void addWebhooks(PaymentWebhooks receiver, Map<String, Object> props) {
    webhooks.put(String.valueOf(props.get(PaymentGateway.NAME)), receiver);
  }

  void removeWebhooks(PaymentWebhooks receiver, Map<String, Object> props) {
    webhooks.remove(String.valueOf(props.get(PaymentGateway.NAME)), receiver);
  }

  Optional<PaymentWebhooks> webhooks(String name) {
    return Optional.ofNullable(webhooks.get(name));
  }

  Optional<PaymentGateway> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The gateway that takes this tender (and token).
   *
   * @throws ValidationException when none is installed for it
   */
  String nameFor(Tender tender, String token) {
    String name =
        switch (tender) {
          case CARD -> token != null && token.startsWith("pm_") ? STRIPE : config.cardGateway();
          case GIFTCARD -> "giftcard";
          case CHECK -> "check";
          case ACCOUNT -> "account";
        };
    if (!byName.containsKey(name)) {
      throw new ValidationException(
          "payment method "
              + tender.code()
              + " is not available: gateway "
              + name
              + " is not installed (feature hanse-payment-"
              + (tender == Tender.CHECK || tender == Tender.ACCOUNT ? "offline" : name)
              + ")");
    }
    return name;
  }
}
