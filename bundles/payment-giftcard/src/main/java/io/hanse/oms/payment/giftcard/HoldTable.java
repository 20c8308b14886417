package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.storage.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code giftcard_hold} table: one row per authorization, so that capture and refund are each
 * one conditional update of the hold they concern, checked by its row count.
 */
final class HoldTable {

  /** A hold as capture, cancel and refund need it. */
  record Hold(
      String id,
      String cardId,
      String currency,
      BigDecimal held,
      BigDecimal captured,
      BigDecimal refunded) {

    BigDecimal refundable() {
      return captured.subtract(refunded);
    }
  }

  private HoldTable() {}

  static void insert(
      Connection c, String id, String cardId, String currency, BigDecimal amount, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO giftcard_hold (id, card_id, currency, amount, held, captured, released,"
            + " refunded, created_at, version) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, 0)",
        id,
        cardId,
        currency,
        amount,
        amount,
        now);
  }

  static Optional<Hold> find(Connection c, String id) throws SQLException {
    if (id == null) {
      return Optional.empty();
    }
    return Sql.one(
        c,
        "SELECT id, card_id, currency, held, captured, refunded FROM giftcard_hold WHERE id = ?",
        rs ->
            new Hold(
                rs.getString("id"),
                rs.getString("card_id"),
                rs.getString("currency"),
                rs.getBigDecimal("held"),
                rs.getBigDecimal("captured"),
                rs.getBigDecimal("refunded")),
        id);
  }

  /**
   * The hold, write-locked until the transaction ends (a no-op update takes the lock the same way
   * on Derby and PostgreSQL), for a cancel that releases whatever is still held.
   */
  static Optional<Hold> lock(Connection c, String id) throws SQLException {
    if (id == null
        || Sql.update(c, "UPDATE giftcard_hold SET version = version + 1 WHERE id = ?", id) == 0) {
      return Optional.empty();
    }
    return find(c, id);
  }

  /** Held becomes captured, if that much is still held. */
  static boolean capture(Connection c, String id, BigDecimal amount) throws SQLException {
    return Sql.update(
            c,
            "UPDATE giftcard_hold SET held = held - ?, captured = captured + ?,"
                + " version = version + 1 WHERE id = ? AND held >= ?",
            amount,
            amount,
            id,
            amount)
        == 1;
  }

  /** Held is released; the caller holds the row's lock and knows what is held. */
  static void release(Connection c, String id, BigDecimal amount) throws SQLException {
    Sql.update(
        c,
        "UPDATE giftcard_hold SET held = held - ?, released = released + ?,"
            + " version = version + 1 WHERE id = ?",
        amount,
        amount,
        id);
  }

  /** Captured money is refunded, never more than captured and not yet refunded. */
  static boolean refund(Connection c, String id, BigDecimal amount) throws SQLException {
    return Sql.update(
            c,
            "UPDATE giftcard_hold SET refunded = refunded + ?, version = version + 1"
                + " WHERE id = ? AND captured - refunded >= ?",
            amount,
            id,
            amount)
        == 1;
  }
}
