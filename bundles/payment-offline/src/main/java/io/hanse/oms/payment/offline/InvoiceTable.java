package io.hanse.oms.payment.offline;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.Invoice;
import io.hanse.oms.api.storage.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code account_invoice} table. {@code paid} counts payments and refund credits alike (the
 * api's {@link Invoice#paid()}); {@code credited} the credits alone, which never exceed the amount.
 */
final class InvoiceTable {
  private static final String COLUMNS =
      "id, customer_id, order_id, currency, amount, paid, credited, issued_at, due_date, status";

  /** An invoice row. */
  record Row(
      String id,
      String customerId,
      String orderId,
      String currency,
      BigDecimal amount,
      BigDecimal paid,
      BigDecimal credited,
      Instant issuedAt,
      LocalDate dueDate,
      boolean settled) {

    BigDecimal open() {
      return amount.subtract(paid);
    }

    BigDecimal creditable() {
      return amount.subtract(credited);
    }

    /** Overdue from the day after its due date until it is paid. */
    Invoice view(LocalDate today) {
      Invoice.Status status =
          settled
              ? Invoice.Status.PAID
              : today.isAfter(dueDate) ? Invoice.Status.OVERDUE : Invoice.Status.OPEN;
      return new Invoice(
          id,
          customerId,
          orderId,
          new Money(amount, currency),
          new Money(paid, currency),
          dueDate,
          status,
          issuedAt);
    }
  }

  private InvoiceTable() {}

  static void insert(
      Connection c,
      String id,
      AuthorizationTable.Authorization auth,
      BigDecimal amount,
      Instant issuedAt,
      LocalDate dueDate)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO account_invoice (id, customer_id, order_id, authorization_id, currency,"
            + " amount, paid, credited, issued_at, due_date, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 'OPEN')",
        id,
        auth.customerId(),
        auth.orderId(),
        auth.id(),
        auth.currency(),
        amount,
        issuedAt,
        dueDate);
  }

  static Optional<Row> find(Connection c, String id) throws SQLException {
    return Sql.one(
        c, "SELECT " + COLUMNS + " FROM account_invoice WHERE id = ?", InvoiceTable::map, id);
  }

  /** Newest first. */
  static List<Row> ofCustomer(Connection c, String customerId) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + COLUMNS
            + " FROM account_invoice WHERE customer_id = ? ORDER BY issued_at DESC, id DESC",
        InvoiceTable::map,
        customerId);
  }

  /** Newest first. */
  static List<Row> ofAuthorization(Connection c, String authorizationId) throws SQLException {
    return Sql.list(
        c,
        "SELECT "
            + COLUMNS
            + " FROM account_invoice WHERE authorization_id = ? ORDER BY issued_at DESC, id DESC",
        InvoiceTable::map,
        authorizationId);
  }

  /** Records a payment, if no more than what is open. */
  static boolean pay(Connection c, String id, BigDecimal amount) throws SQLException {
    boolean paid =
        Sql.update(
                c,
                "UPDATE account_invoice SET paid = paid + ? WHERE id = ? AND amount - paid >= ?",
                amount,
                id,
                amount)
            == 1;
    if (paid) {
      settle(c, id);
    }
    return paid;
  }

  /** Credits a refund, if no more than was invoiced and not yet credited. */
  static boolean credit(Connection c, String id, BigDecimal amount) throws SQLException {
    boolean credited =
        Sql.update(
                c,
                "UPDATE account_invoice SET paid = paid + ?, credited = credited + ?"
                    + " WHERE id = ? AND amount - credited >= ?",
                amount,
                amount,
                id,
                amount)
            == 1;
    if (credited) {
      settle(c, id);
    }
    return credited;
  }

  private static void settle(Connection c, String id) throws SQLException {
    Sql.update(
        c,
        "UPDATE account_invoice SET status = 'PAID' WHERE id = ? AND status = 'OPEN'"
            + " AND paid >= amount",
        id);
  }

  private static Row map(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("customer_id"),
        rs.getString("order_id"),
        rs.getString("currency"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("paid"),
        rs.getBigDecimal("credited"),
        Sql.instant(rs, "issued_at"),
        rs.getDate("due_date").toLocalDate(),
        "PAID".equals(rs.getString("status")));
  }
}
