package io.hanse.oms.payment.vault;

import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.payment.vault.CardStore.Row;
import io.hanse.oms.payment.vault.CardValidator.ValidCard;
import java.util.Base64;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokenizes cards for everyone: validates, encrypts the number into {@code vault_card} under a
 * random token, and holds the security code in memory for the first authorization.
 */
@Component(service = CardVault.class)
public class CardVaultImpl implements CardVault {
  private static final Logger LOG = LoggerFactory.getLogger(CardVaultImpl.class);
  private static final int TOKEN_BYTES = 24;

  private final Vault vault;

  @Activate
  public CardVaultImpl(@Reference Vault vault) {
    this.vault = vault;
  }

  @Override
  public CardToken tokenize(CardDetails card) {
    ValidCard valid = CardValidator.validate(card, vault.clock());
    CardToken token =
        vault
            .database()
            .inTransaction(
                c -> {
                  // drawn inside the work: a retry after a (most unlikely) clash draws anew
                  CardToken t =
                      new CardToken(
                          newToken(),
                          valid.brand(),
                          valid.last4(),
                          valid.expMonth(),
                          valid.expYear());
                  CardStore.insert(
                      c,
                      t,
                      vault.cipher().seal(t.token(), valid.number()),
                      vault.clock().instant());
                  return t;
                });
    if (valid.cvc() != null) {
      vault.cvcs().put(token.token(), valid.cvc());
    }
    LOG.debug("card {} tokenized ({})", token.token(), token.brand());
    return token;
  }

  @Override
  public Optional<CardToken> find(String token) {
    if (!CardToken.isVaultToken(token)) {
      return Optional.empty();
    }
    return vault.database().inTransaction(c -> CardStore.find(c, token)).map(Row::card);
  }

  /** One rotation at a time on this node. */
  @Override
  public synchronized Rotation rotateKey() {
    return KeyRotation.run(vault);
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    vault.random().nextBytes(bytes);
    return CardToken.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
