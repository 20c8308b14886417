package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.storage.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code giftcard} table. A card past its expiry date counts as expired in every query, whether
 * or not anyone expired it by hand, so no sweeper has to run before a card stops being spendable.
 * Money moves only in conditional updates checked by their row count.
 */
final class CardTable {
  private static final String COLUMNS =
      "id, last4, currency, balance, held, status, expires_at, purpose, issued_at";

  /** Spendable: not expired by hand and not past its expiry (one parameter: now). */
  private static final String ACTIVE =
      "status = 'ACTIVE' AND (expires_at IS NULL OR expires_at > ?)";

  private CardTable() {}

  static void insert(
      Connection c,
      String id,
      String codeHash,
      String last4,
      Money amount,
      Instant expiresAt,
      String purpose,
      Instant now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO giftcard (id, code_hash, last4, currency, balance, held, status, expires_at,"
            + " purpose, issued_at, version) VALUES (?, ?, ?, ?, ?, 0, 'ACTIVE', ?, ?, ?, 0)",
        id,
        codeHash,
        last4,
        amount.currency(),
        amount.amount(),
        Sql.timestamp(expiresAt),
        purpose,
        now);
  }

  static Optional<GiftCard> find(Connection c, String id, Instant now) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM giftcard WHERE id = ?", rs -> map(rs, now), id);
  }

  static Optional<GiftCard> findByHash(Connection c, String codeHash, Instant now)
      throws SQLException {
    return Sql.one(
        c,
        "SELECT " + COLUMNS + " FROM giftcard WHERE code_hash = ?",
        rs -> map(rs, now),
        codeHash);
  }

  /** Newest first. */
  static List<GiftCard> page(Connection c, int offset, int count, Instant now) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + COLUMNS
            + " FROM giftcard ORDER BY issued_at DESC, id DESC"
            + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
        rs -> map(rs, now),
        offset,
        count);
  }

  /** Balance plus held of the active cards in {@code currency}. */
  static BigDecimal outstanding(Connection c, String currency, Instant now) throws SQLException {
    return Sql.one(
            c,
            "SELECT COALESCE(SUM(balance + held), 0) FROM giftcard WHERE currency = ? AND "
                + ACTIVE,
            rs -> rs.getBigDecimal(1),
            currency,
            now)
        .orElse(BigDecimal.ZERO);
  }

  /** Moves {@code amount} from balance to held if the card is active and has it. */
  static boolean hold(Connection c, String id, BigDecimal amount, Instant now) throws SQLException {
    return Sql.update(
            c,
            "UPDATE giftcard SET balance = balance - ?, held = held + ?, version = version + 1"
                + " WHERE id = ? AND "
                + ACTIVE
                + " AND balance >= ?",
            amount,
            amount,
            id,
            now,
            amount)
        == 1;
  }

  /** Held money is spent (captured). The hold row guarantees that much is held. */
  static void spendHeld(Connection c, String id, BigDecimal amount) throws SQLException {
    Sql.update(
        c, "UPDATE giftcard SET held = held - ?, version = version + 1 WHERE id = ?", amount, id);
  }

  /** Held money goes back to the balance. */
  static void release(Connection c, String id, BigDecimal amount) throws SQLException {
    Sql.update(
        c,
        "UPDATE giftcard SET held = held - ?, balance = balance + ?, version = version + 1"
            + " WHERE id = ?",
        amount,
        amount,
        id);
  }

  /** Adds to the balance of an active card (a reload or a refund). */
  static boolean credit(Connection c, String id, BigDecimal amount, Instant now)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE giftcard SET balance = balance + ?, version = version + 1 WHERE id = ? AND "
                + ACTIVE,
            amount,
            id,
            now)
        == 1;
  }

  /** Marks a card expired unless it already is; its expiry date moves up to now at the latest. */
  static boolean expire(Connection c, String id, Instant expiresAt) throws SQLException {
    return Sql.update(
            c,
            "UPDATE giftcard SET status = 'EXPIRED', expires_at = ?, version = version + 1"
                + " WHERE id = ? AND status = 'ACTIVE'",
            expiresAt,
            id)
        == 1;
  }

  private static GiftCard map(ResultSet rs, Instant now) throws SQLException {
    String currency = rs.getString("currency");
    Instant expiresAt = Sql.instant(rs, "expires_at");
    boolean expired =
        "EXPIRED".equals(rs.getString("status")) || (expiresAt != null && !expiresAt.isAfter(now));
    return new GiftCard(
        rs.getString("id"),
        rs.getString("last4"),
        new Money(rs.getBigDecimal("balance"), currency),
        new Money(rs.getBigDecimal("held"), currency),
        expired ? GiftCard.Status.EXPIRED : GiftCard.Status.ACTIVE,
        expiresAt,
        rs.getString("purpose"),
        Sql.instant(rs, "issued_at"));
  }
}
