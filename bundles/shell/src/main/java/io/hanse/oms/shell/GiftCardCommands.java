package io.hanse.oms.shell;

import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.GiftCardService;

/** What the gift card commands share. */
final class GiftCardCommands {
  private GiftCardCommands() {}

  static GiftCardService require(GiftCardService cards) {
    if (cards == null) {
      throw new IllegalStateException("gift cards need the feature hanse-payment-giftcard");
    }
    return cards;
  }

  static void print(GiftCard c) {
    System.out.println(
        "Gift card "
            + c.id()
            + " ••••"
            + c.last4()
            + ": balance "
            + c.balance()
            + ", held "
            + c.held()
            + ", "
            + c.status()
            + (c.expiresAt() == null ? "" : ", expires " + c.expiresAt())
            + " ("
            + c.purpose()
            + ")");
  }
}
