package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.payment.giftcard.HoldTable.Hold;
import io.hanse.oms.payment.giftcard.TxnLog.Kind;
import io.hanse.oms.payment.giftcard.TxnLog.Txn;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Spending a card, inside the caller's transaction: a hold moves money from balance to held in one
 * conditional update, so concurrent redemptions can never take a card below zero; a capture spends
 * from what its hold still holds, a cancel gives the rest back, a refund puts captured money back.
 * Every outcome, declines included, is written to the log under the call's idempotency key.
 */
final class Redemptions {
  private final Clock clock;

  Redemptions(Clock clock) {
    this.clock = clock;
  }

  /** The call being answered, for its log row. */
  private record Call(Kind kind, Money amount, String key) {}

  GatewayResult authorize(Connection c, AuthorizationRequest r) throws SQLException {
    Instant now = clock.instant();
    Call call = new Call(Kind.HOLD, r.amount(), r.idempotencyKey());
    // the source is the code as typed, or the reference the core keeps (the code's hash)
    Optional<String> hash = io.hanse.oms.api.payment.GiftCardCodes.hashOf(r.source());
    Optional<GiftCard> found =
        hash.isEmpty() ? Optional.empty() : CardTable.findByHash(c, hash.get(), now);
    if (found.isEmpty()) {
      return decline(c, call, null, null, "unknown_card", "no gift card has this code");
    }
    GiftCard card = found.get();
    Optional<GatewayResult> refused = refuse(c, call, card);
    if (refused.isPresent()) {
      return refused.get();
    }
    BigDecimal amount = r.amount().amount();
    if (!CardTable.hold(c, card.id(), amount, now)) {
      GiftCard after = CardTable.find(c, card.id(), now).orElseThrow();
      return after.status() == GiftCard.Status.EXPIRED
          ? decline(c, call, card.id(), null, "expired_card", "the gift card has expired")
          : decline(
              c,
              call,
              card.id(),
              null,
              "insufficient_funds",
              "the gift card's balance is " + after.balance());
    }
    String holdId = TxnLog.newId();
    HoldTable.insert(c, holdId, card.id(), r.amount().currency(), amount, now);
    // the hold's log row has the hold's id: the reference capture, cancel and refund come back with
    return approve(c, call, holdId, card.id(), holdId);
  }

  /** Spends from the hold; a final capture also releases what is left of it. */
  GatewayResult capture(Connection c, GatewayOperation op) throws SQLException {
    Call call = new Call(Kind.CAPTURE, op.amount(), op.idempotencyKey());
    Optional<Hold> found = HoldTable.find(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    Hold hold = found.get();
    BigDecimal amount = op.amount().amount();
    if (!HoldTable.capture(c, hold.id(), amount)) {
      Hold now = HoldTable.find(c, hold.id()).orElseThrow();
      return decline(
          c,
          call,
          hold.cardId(),
          hold.id(),
          "exceeds_hold",
          "only " + new Money(now.held(), now.currency()) + " is held");
    }
    CardTable.spendHeld(c, hold.cardId(), amount);
    if (op.finalCapture()) {
      releaseRest(c, new Call(Kind.RELEASE, op.amount(), null), hold.id());
    }
    return approve(c, call, TxnLog.newId(), hold.cardId(), hold.id());
  }

  /** Releases whatever the hold still holds, whatever the core believes is left. */
  GatewayResult cancel(Connection c, GatewayOperation op) throws SQLException {
    Call call = new Call(Kind.RELEASE, op.amount(), op.idempotencyKey());
    Optional<Hold> found = HoldTable.lock(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    return releaseRest(c, call, found.get().id());
  }

  /**
   * Puts captured money back on the card, never more than its hold captured and has not refunded
   * yet. An expired card takes nothing back: the money would be lost on it, so the decline lets the
   * core refund it another way (store credit).
   */
  GatewayResult refund(Connection c, GatewayOperation op) throws SQLException {
    Instant now = clock.instant();
    Call call = new Call(Kind.REFUND, op.amount(), op.idempotencyKey());
    Optional<Hold> found = HoldTable.find(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    Hold hold = found.get();
    BigDecimal amount = op.amount().amount();
    Savepoint before = c.setSavepoint();
    if (!HoldTable.refund(c, hold.id(), amount)) {
      Hold latest = HoldTable.find(c, hold.id()).orElseThrow();
      return decline(
          c,
          call,
          hold.cardId(),
          hold.id(),
          "exceeds_captured",
          "at most " + new Money(latest.refundable(), latest.currency()) + " can be refunded");
    }
    if (!CardTable.credit(c, hold.cardId(), amount, now)) {
      c.rollback(before);
      return decline(
          c, call, hold.cardId(), hold.id(), "expired_card", "the gift card has expired");
    }
    return approve(c, call, TxnLog.newId(), hold.cardId(), hold.id());
  }

  private GatewayResult releaseRest(Connection c, Call call, String holdId) throws SQLException {
    Hold hold = HoldTable.lock(c, holdId).orElseThrow();
    BigDecimal rest = hold.held();
    if (rest.signum() > 0) {
      HoldTable.release(c, holdId, rest);
      CardTable.release(c, hold.cardId(), rest);
    }
    Call released = new Call(call.kind(), new Money(rest, hold.currency()), call.key());
    return approve(c, released, TxnLog.newId(), hold.cardId(), holdId);
  }

  /** Why a card can't take this hold, if it can't. */
  private Optional<GatewayResult> refuse(Connection c, Call call, GiftCard card)
      throws SQLException {
    if (card.status() == GiftCard.Status.EXPIRED) {
      return Optional.of(
          decline(c, call, card.id(), null, "expired_card", "the gift card has expired"));
    }
    if (!card.balance().currency().equals(call.amount().currency())) {
      return Optional.of(
          decline(
              c,
              call,
              card.id(),
              null,
              "currency_mismatch",
              "the gift card is in " + card.balance().currency()));
    }
    if (call.amount().signum() <= 0) {
      return Optional.of(
          decline(c, call, card.id(), null, "invalid_amount", "the amount must be positive"));
    }
    return Optional.empty();
  }

  /** Why an operation on a hold can't go ahead, if it can't. */
  private Optional<GatewayResult> refuse(Connection c, Call call, Optional<Hold> hold)
      throws SQLException {
    if (hold.isEmpty()) {
      return Optional.of(
          decline(c, call, null, null, "unknown_hold", "no gift card hold has this reference"));
    }
    Hold h = hold.get();
    if (!h.currency().equals(call.amount().currency())) {
      return Optional.of(
          decline(
              c, call, h.cardId(), h.id(), "currency_mismatch", "the hold is in " + h.currency()));
    }
    if (call.kind() != Kind.RELEASE && call.amount().signum() <= 0) {
      return Optional.of(
          decline(c, call, h.cardId(), h.id(), "invalid_amount", "the amount must be positive"));
    }
    return Optional.empty();
  }

  private GatewayResult approve(Connection c, Call call, String id, String cardId, String holdId)
      throws SQLException {
    GatewayResult result = GatewayResult.approved(id);
    TxnLog.append(
        c,
        new Txn(id, cardId, holdId, call.kind(), call.amount(), call.key(), result),
        clock.instant());
    return result;
  }

  private GatewayResult decline(
      Connection c, Call call, String cardId, String holdId, String code, String message)
      throws SQLException {
    String id = TxnLog.newId();
    GatewayResult result = GatewayResult.declined(id, code, message);
    TxnLog.append(
        c,
        new Txn(id, cardId, holdId, call.kind(), call.amount(), call.key(), result),
        clock.instant());
    return result;
  }
}
