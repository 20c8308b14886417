package io.hanse.oms.api.payment;

/**
 * A card just issued: the one time its full code is shown, to hand to the customer. The vault of
 * gift cards keeps only a hash of the code.
 */
public record IssuedGiftCard(GiftCard card, String code) {

  @Override
  public String toString() {
    return "IssuedGiftCard[" + card.id() + " ••••" + card.last4() + "]";
  }
}
