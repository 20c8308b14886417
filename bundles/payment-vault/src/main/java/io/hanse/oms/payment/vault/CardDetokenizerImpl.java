package io.hanse.oms.payment.vault;

import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.payment.vault.CardStore.Row;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reveals cards to gateways. Each bundle that asks gets an instance of its own, created only when
 * the bundle declares {@value CardDetokenizer#GATEWAY_HEADER}{@code : true} and the vault's
 * configuration lists it in {@code gatewayBundles}; for any other bundle activation fails, so its
 * reference stays unsatisfied. Every reveal is logged with the token and the gateway, never the
 * card.
 */
@Component(service = CardDetokenizer.class, scope = ServiceScope.BUNDLE)
public class CardDetokenizerImpl implements CardDetokenizer {
  private static final Logger LOG = LoggerFactory.getLogger(CardDetokenizerImpl.class);

  private final Vault vault;
  private final String gateway;

  @Activate
  public CardDetokenizerImpl(@Reference Vault vault, ComponentContext context) {
    Bundle bundle = context.getUsingBundle();
    String refusal = refusal(bundle, vault.gatewayBundles());
    if (refusal != null) {
      String who = bundle == null ? "a caller without a bundle" : name(bundle);
      LOG.warn("card detokenizer refused to {}: {}", who, refusal);
      throw new ComponentException("the card detokenizer is not for " + who + ": " + refusal);
    }
    this.vault = vault;
    this.gateway = bundle.getSymbolicName();
  }

  @Override
  public Optional<CardSecret> reveal(String token) {
    if (!CardToken.isVaultToken(token)) {
      return Optional.empty();
    }
    Optional<Row> row = vault.database().inTransaction(c -> CardStore.find(c, token));
    if (row.isEmpty()) {
      LOG.info("{} asked for card {}, which the vault does not hold", gateway, token);
      return Optional.empty();
    }
    Optional<String> number = vault.cipher().open(token, row.get().sealed());
    if (number.isEmpty()) {
      return Optional.empty();
    }
    String cvc = vault.cvcs().take(token);
    LOG.info(
        "card {} revealed to {} ({})",
        token,
        gateway,
        cvc == null ? "no security code" : "with its security code");
    return Optional.of(new CardSecret(row.get().card(), number.get(), cvc));
  }

  /** Why {@code bundle} may not reveal cards, or null when it may. */
  static String refusal(Bundle bundle, Set<String> allowed) {
    if (bundle == null) {
      return "no using bundle";
    }
    Object header = bundle.getHeaders("").get(GATEWAY_HEADER);
    if (header == null || !"true".equalsIgnoreCase(header.toString().strip())) {
      return "its manifest lacks " + GATEWAY_HEADER + ": true";
    }
    if (!allowed.contains(bundle.getSymbolicName())) {
      return "it is not in gatewayBundles of " + VaultInstance.PID;
    }
    return null;
  }

  private static String name(Bundle bundle) {
    return "bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
  }
}
