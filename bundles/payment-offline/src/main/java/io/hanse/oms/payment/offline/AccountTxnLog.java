package io.hanse.oms.payment.offline;

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
 * The append-only {@code account_txn} log. Each row keeps the outcome it answered, declines
 * included, under its idempotency key (unique), so a retried call is answered from here.
 */
final class AccountTxnLog {

  /** What happened on an account. */
  enum Kind {
    AUTHORIZE,
    CAPTURE,
    RELEASE,
    REFUND,
    PAYMENT
  }

  /** What one row is about. */
  record Txn(
      String id,
      String customerId,
      String authorizationId,
      String invoiceId,
      Kind kind,
      Money amount,
      String idempotencyKey) {}

  private AccountTxnLog() {}

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Logs {@code t} with what the caller was told; its reference is what follows up. */
  static void append(Connection c, Txn t, GatewayResult r, Instant now) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO account_txn (id, customer_id, authorization_id, invoice_id, kind, amount,"
            + " currency, idempotency_key, reference, outcome, code, message, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.customerId(),
        t.authorizationId(),
        t.invoiceId(),
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
   * The outcome recorded under {@code key}, if any.
   *
   * @throws ConflictException when the key was used for another kind of operation
   */
  static Optional<GatewayResult> find(Connection c, String key, Kind kind) throws SQLException {
    if (key == null) {
      return Optional.empty();
    }
    return Sql.one(
        c,
        "SELECT kind, outcome, reference, code, message FROM account_txn"
            + " WHERE idempotency_key = ?",
        rs -> {
          if (!kind.name().equals(rs.getString("kind"))) {
            throw new ConflictException(
                "idempotency key " + key + " was used for a " + rs.getString("kind"));
          }
          return new GatewayResult(
              GatewayResult.Outcome.valueOf(rs.getString("outcome")),
              rs.getString("reference"),
              rs.getString("code"),
              rs.getString("message"));
        },
        key);
  }
}
