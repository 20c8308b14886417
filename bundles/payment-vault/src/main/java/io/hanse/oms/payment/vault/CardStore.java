package io.hanse.oms.payment.vault;

import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.payment.vault.CardCipher.Sealed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code vault_card} table: per token what may be shown (brand, last four, expiry) and the
 * encrypted number. SQL that runs on Derby and PostgreSQL alike.
 */
final class CardStore {
  private static final String COLUMNS =
      "token, brand, last4, exp_month, exp_year, key_version, nonce, ciphertext";

  /** One stored card. */
  record Row(CardToken card, Sealed sealed) {}

  private CardStore() {}

  static void insert(Connection c, CardToken card, Sealed sealed, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO vault_card ("
                + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, card.token());
      ps.setString(2, card.brand());
      ps.setString(3, card.last4());
      ps.setInt(4, card.expMonth());
      ps.setInt(5, card.expYear());
      ps.setInt(6, sealed.keyVersion());
      ps.setString(7, sealed.nonce());
      ps.setString(8, sealed.ciphertext());
      ps.setTimestamp(9, Timestamp.from(now));
      ps.setTimestamp(10, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  static Optional<Row> find(Connection c, String token) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM vault_card WHERE token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Up to {@code limit} cards on a key version older than {@code version}, in token order after
   * {@code after}: a caller that moves on by the last token sees each card once, even one it cannot
   * re-encrypt.
   */
  static List<Row> olderThan(Connection c, int version, String after, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM vault_card WHERE key_version < ? AND token > ? ORDER BY token"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")) {
      ps.setInt(1, version);
      ps.setString(2, after);
      try (ResultSet rs = ps.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row(rs));
        }
        return rows;
      }
    }
  }

  /** Replaces the encrypted number, unless someone else has replaced it since it was read. */
  static boolean reseal(Connection c, String token, Sealed from, Sealed to, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE vault_card SET key_version = ?, nonce = ?, ciphertext = ?, updated_at = ?"
                + " WHERE token = ? AND key_version = ? AND ciphertext = ?")) {
      ps.setInt(1, to.keyVersion());
      ps.setString(2, to.nonce());
      ps.setString(3, to.ciphertext());
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setString(5, token);
      ps.setInt(6, from.keyVersion());
      ps.setString(7, from.ciphertext());
      return ps.executeUpdate() == 1;
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    String token = rs.getString("token");
    return new Row(
        new CardToken(
            token,
            rs.getString("brand"),
            rs.getString("last4"),
            rs.getInt("exp_month"),
            rs.getInt("exp_year")),
        new Sealed(rs.getInt("key_version"), rs.getString("nonce"), rs.getString("ciphertext")));
  }
}
