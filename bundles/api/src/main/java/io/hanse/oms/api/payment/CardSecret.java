package io.hanse.oms.api.payment;

/**
 * A card as a gateway needs it to authorize: only {@link CardDetokenizer} hands it out, and only to
 * gateway bundles. {@link #toString()} shows nothing of it.
 *
 * @param card what the vault shows of the card
 * @param number the full card number, digits only
 * @param cvc the security code, or {@code null} once it has been used or has expired: it is handed
 *     out at most once
 */
public record CardSecret(CardToken card, String number, String cvc) {

  @Override
  public String toString() {
    return "CardSecret[" + card.display() + "]";
  }
}
