package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.storage.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only {@code giftcard_txn} log. Each row keeps the outcome it answered, declines
 * included, under its idempotency key (unique), so a retried call is answered from here.
 */
final class TxnLog {

  /** What happened to a card. */
  enum Kind {
    ISSUE,
    RELOAD,
    HOLD,
    CAPTURE,
    RELEASE,
    REFUND,
    EXPIRE
  }

  /** One row: {@code result} is what the caller was told; its reference is what follows up. */
  record Txn(
      String id,
      String cardId,
      String holdId,
      Kind kind,
      Money amount,
      String idempotencyKey,
      GatewayResult result) {}

  /** What an earlier call with the same key recorded. */
  record Earlier(String cardId, GatewayResult result) {}

  private TxnLog() {}

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static void append(Connection c, Txn t, Instant now) throws SQLException {
    GatewayResult r = t.result();
    Sql.update(
        c,
        "INSERT INTO giftcard_txn (id, card_id, hold_id, kind, amount, currency, idempotency_key,"
            + " reference, outcome, code, message, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.cardId(),
        t.holdId(),
        t.kind().name(),
        t.amount().amount(),
        t.amount().currency(),
        t.idempotencyKey(),
        r.reference(),
        r.outcome().name(),
        r.code(),
        r.message(),
        now);
  }

  /**
   * The call recorded under {@code key}, if any.
   *
   * @throws ConflictException when the key was used for another kind of operation
   */
  static Optional<Earlier> find(Connection c, String key, Kind kind) throws SQLException {
    if (key == null) {
      return Optional.empty();
    }
    Optional<Earlier> earlier =
        Sql.one(
            c,
            "SELECT kind, card_id, outcome, reference, code, message FROM giftcard_txn"
                + " WHERE idempotency_key = ?",
            rs -> {
              if (!kind.name().equals(rs.getString("kind"))) {
                throw new ConflictException(
                    "idempotency key " + key + " was used for a " + rs.getString("kind"));
              }
              return new Earlier(
                  rs.getString("card_id"),
                  new GatewayResult(
                      GatewayResult.Outcome.valueOf(rs.getString("outcome")),
                      rs.getString("reference"),
                      rs.getString("code"),
                      rs.getString("message")));
            },
            key);
    return earlier;
  }
}
