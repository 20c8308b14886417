package io.hanse.oms.api.payment;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import java.time.Instant;
import java.util.Optional;

/**
 * Gift cards and store credit. Balances never go below zero, however many redemptions run at once;
 * spending goes through the gift card {@link PaymentGateway} of an order.
 */
public interface GiftCardService {

  /**
   * Issues a card with {@code amount} on it.
   *
   * @param expiresAt when it expires, or {@code null} for never
   * @param purpose {@code gift} or {@code store-credit}
   * @param idempotencyKey optional; a repeated key returns the card first issued, without its code
   * @throws ValidationException for an amount that is not positive
   */
  IssuedGiftCard issue(Money amount, Instant expiresAt, String purpose, String idempotencyKey);

  /** The card with this code, or empty. */
  Optional<GiftCard> findByCode(String code);

  /**
   * The card with this id.
   *
   * @throws NotFoundException for an unknown id
   */
  GiftCard get(String id);

  /**
   * Adds {@code amount} to an active card.
   *
   * @throws ConflictException for an expired card
   */
  GiftCard reload(String id, Money amount, String idempotencyKey);

  /** Expires a card now: its balance can no longer be spent and stops being owed. */
  GiftCard expire(String id);

  /** Cards, newest first. */
  Page<GiftCard> list(int offset, int limit);

  /** What active cards hold in {@code currency}: a liability for the ledger. */
  Money outstanding(String currency);
}
