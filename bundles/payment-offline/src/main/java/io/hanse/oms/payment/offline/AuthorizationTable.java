package io.hanse.oms.payment.offline;

import io.hanse.oms.api.storage.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code account_authorization} table: one row per order put on account, so that capture and
 * refund are each one conditional update of the authorization they concern.
 */
final class AuthorizationTable {

  /** An authorization as capture, cancel and refund need it. */
  record Authorization(
      String id,
      String customerId,
      String orderId,
      String currency,
      BigDecimal remaining,
      BigDecimal invoiced,
      BigDecimal refunded) {

    BigDecimal refundable() {
      return invoiced.subtract(refunded);
    }
  }

  private AuthorizationTable() {}

  static void insert(
      Connection c,
      String id,
      String customerId,
      String orderId,
      String currency,
      BigDecimal amount,
      Instant now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO account_authorization (id, customer_id, order_id, currency, amount,"
            + " remaining, invoiced, released, refunded, created_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0)",
        id,
        customerId,
        orderId,
        currency,
        amount,
        amount,
        now);
  }

  static Optional<Authorization> find(Connection c, String id) throws SQLException {
    if (id == null) {
      return Optional.empty();
    }
    return Sql.one(
        c,
        "SELECT id, customer_id, order_id, currency, remaining, invoiced, refunded"
            + " FROM account_authorization WHERE id = ?",
        rs ->
            new Authorization(
                rs.getString("id"),
                rs.getString("customer_id"),
                rs.getString("order_id"),
                rs.getString("currency"),
                rs.getBigDecimal("remaining"),
                rs.getBigDecimal("invoiced"),
                rs.getBigDecimal("refunded")),
        id);
  }

  /** The authorization, write-locked until the transaction ends (same on Derby and PostgreSQL). */
  static Optional<Authorization> lock(Connection c, String id) throws SQLException {
    if (id == null
        || Sql.update(c, "UPDATE account_authorization SET version = version + 1 WHERE id = ?", id)
            == 0) {
      return Optional.empty();
    }
    return find(c, id);
  }

  /** Authorized becomes invoiced, if that much is still authorized. */
  static boolean invoice(Connection c, String id, BigDecimal amount) throws SQLException {
    return Sql.update(
            c,
            "UPDATE account_authorization SET remaining = remaining - ?, invoiced = invoiced + ?,"
                + " version = version + 1 WHERE id = ? AND remaining >= ?",
            amount,
            amount,
            id,
            amount)
        == 1;
  }

  /** What remains is released; the caller holds the row's lock and knows how much it is. */
  static void release(Connection c, String id, BigDecimal amount) throws SQLException {
    Sql.update(
        c,
        "UPDATE account_authorization SET remaining = remaining - ?, released = released + ?,"
            + " version = version + 1 WHERE id = ?",
        amount,
        amount,
        id);
  }

  /** Invoiced money is credited back, never more than invoiced and not yet refunded. */
  static boolean refund(Connection c, String id, BigDecimal amount) throws SQLException {
    return Sql.update(
            c,
            "UPDATE account_authorization SET refunded = refunded + ?, version = version + 1"
                + " WHERE id = ? AND invoiced - refunded >= ?",
            amount,
            id,
            amount)
        == 1;
  }
}
