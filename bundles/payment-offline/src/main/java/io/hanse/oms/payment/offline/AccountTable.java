package io.hanse.oms.payment.offline;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.CustomerAccount;
import io.hanse.oms.api.storage.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code account_customer} table. Credit is taken in one conditional update checked by its row
 * count, so concurrent authorizations can never exceed a customer's limit together.
 */
final class AccountTable {

  /** A customer's account row. */
  record Account(
      String customerId,
      String currency,
      BigDecimal creditLimit,
      int termsDays,
      BigDecimal openBalance,
      BigDecimal authorized) {

    /** What may still be bought on account; nothing, not less, when the limit was lowered. */
    BigDecimal available() {
      return creditLimit.subtract(openBalance).subtract(authorized).max(BigDecimal.ZERO);
    }

    CustomerAccount view() {
      return new CustomerAccount(
          customerId,
          new Money(creditLimit, currency),
          termsDays,
          new Money(openBalance, currency),
          new Money(authorized, currency),
          new Money(available(), currency));
    }
  }

  private AccountTable() {}

  static Optional<Account> find(Connection c, String customerId) throws SQLException {
    return Sql.one(
        c,
        "SELECT customer_id, currency, credit_limit, terms_days, open_balance, authorized"
            + " FROM account_customer WHERE customer_id = ?",
        rs ->
            new Account(
                rs.getString("customer_id"),
                rs.getString("currency"),
                rs.getBigDecimal("credit_limit"),
                rs.getInt("terms_days"),
                rs.getBigDecimal("open_balance"),
                rs.getBigDecimal("authorized")),
        customerId);
  }

  static void insert(Connection c, String customerId, Money limit, int termsDays, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO account_customer (customer_id, currency, credit_limit, terms_days,"
            + " open_balance, authorized, updated_at, version) VALUES (?, ?, ?, ?, 0, 0, ?, 0)",
        customerId,
        limit.currency(),
        limit.amount(),
        termsDays,
        now);
  }

  /**
   * New terms for an existing account; its currency changes only while nothing is owed or
   * authorized in the old one.
   */
  static boolean setTerms(Connection c, String customerId, Money limit, int termsDays, Instant now)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE account_customer SET currency = ?, credit_limit = ?, terms_days = ?,"
                + " updated_at = ?, version = version + 1 WHERE customer_id = ?"
                + " AND (currency = ? OR (open_balance = 0 AND authorized = 0))",
            limit.currency(),
            limit.amount(),
            termsDays,
            now,
            customerId,
            limit.currency())
        == 1;
  }

  /** Takes {@code amount} of credit if the account has that much available. */
  static boolean authorize(Connection c, String customerId, Money amount, Instant now)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE account_customer SET authorized = authorized + ?, updated_at = ?,"
                + " version = version + 1 WHERE customer_id = ? AND currency = ?"
                + " AND credit_limit - open_balance - authorized >= ?",
            amount.amount(),
            now,
            customerId,
            amount.currency(),
            amount.amount())
        == 1;
  }

  /** Authorized credit becomes invoiced (owed). */
  static void invoice(Connection c, String customerId, BigDecimal amount, Instant now)
      throws SQLException {
    change(c, customerId, amount, amount.negate(), now);
  }

  /** Authorized credit is given back. */
  static void release(Connection c, String customerId, BigDecimal amount, Instant now)
      throws SQLException {
    change(c, customerId, BigDecimal.ZERO, amount.negate(), now);
  }

  /** Less is owed: a payment received or a refund credited. */
  static void reduceOpen(Connection c, String customerId, BigDecimal amount, Instant now)
      throws SQLException {
    change(c, customerId, amount.negate(), BigDecimal.ZERO, now);
  }

  private static void change(
      Connection c, String customerId, BigDecimal open, BigDecimal authorized, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE account_customer SET open_balance = open_balance + ?,"
            + " authorized = authorized + ?, updated_at = ?, version = version + 1"
            + " WHERE customer_id = ?",
        open,
        authorized,
        now,
        customerId);
  }
}
