package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import java.time.Instant;

/**
 * A gift card or store credit as everyone sees it: the code only as its last four characters.
 *
 * @param id the card's id, used by the APIs and the shell instead of the code
 * @param last4 the last four characters of the code
 * @param balance what can still be spent
 * @param held authorized for orders and not yet captured
 * @param status active, or expired (the balance can no longer be spent)
 * @param expiresAt when it expires, or {@code null} for never
 * @param purpose {@code gift} for a sold card, {@code store-credit} for a refund
 */
public record GiftCard(
    String id,
    String last4,
    Money balance,
    Money held,
    Status status,
    Instant expiresAt,
    String purpose,
    Instant issuedAt) {

  public enum Status {
    ACTIVE,
    EXPIRED
  }
}
