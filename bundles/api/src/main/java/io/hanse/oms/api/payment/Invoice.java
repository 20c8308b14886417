package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An on-account invoice: raised when an order paid on account ships.
 *
 * @param id the invoice id
 * @param customerId who owes it
 * @param orderId the order it bills
 * @param amount invoiced
 * @param paid paid so far (and credited by refunds)
 * @param dueDate invoice date plus the customer's terms
 * @param status open, paid or overdue
 */
public record Invoice(
    String id,
    String customerId,
    String orderId,
    Money amount,
    Money paid,
    LocalDate dueDate,
    Status status,
    Instant issuedAt) {

  public enum Status {
    OPEN,
    OVERDUE,
    PAID
  }
}
