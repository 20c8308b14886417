package io.hanse.oms.api.payment;

/**
 * What everyone but the vault and the gateways knows of a card.
 *
 * @param token the vault's random token ({@code tok_…}), the only handle to the card
 * @param brand {@code visa}, {@code mastercard}, {@code amex}, {@code discover}, {@code diners},
 *     {@code jcb}, {@code unionpay} or {@code unknown}
 * @param last4 the last four digits
 * @param expMonth 1–12
 * @param expYear four digits
 */
public record CardToken(String token, String brand, String last4, int expMonth, int expYear) {

  /** Vault tokens start with this; anything else is a gateway's own token. */
  public static final String PREFIX = "tok_";

  public static boolean isVaultToken(String token) {
    return token != null && token.startsWith(PREFIX);
  }

  /** {@code visa •••• 4242}. */
  public String display() {
    return brand + " •••• " + last4;
  }
}
