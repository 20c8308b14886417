package io.hanse.oms.payment.offline;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a refund is spread over an order's invoices: first over what is still open on them (newest
 * first), so that it settles what the customer owes, and only then as credit on invoices already
 * paid; never more on an invoice than its amount less earlier credits.
 */
final class CreditPlan {
  private CreditPlan() {}

  /**
   * Credit per invoice id; what the invoices can't take is left out (the caller checks the sum).
   */
  static Map<String, BigDecimal> spread(BigDecimal amount, List<InvoiceTable.Row> newestFirst) {
    Map<String, BigDecimal> parts = new LinkedHashMap<>();
    BigDecimal left = amount;
    for (InvoiceTable.Row invoice : newestFirst) {
      BigDecimal part = left.min(invoice.open().max(BigDecimal.ZERO)).min(invoice.creditable());
      if (part.signum() > 0) {
        parts.put(invoice.id(), part);
        left = left.subtract(part);
      }
    }
    for (InvoiceTable.Row invoice : newestFirst) {
      BigDecimal already = parts.getOrDefault(invoice.id(), BigDecimal.ZERO);
      BigDecimal part = left.min(invoice.creditable().subtract(already));
      if (part.signum() > 0) {
        parts.put(invoice.id(), already.add(part));
        left = left.subtract(part);
      }
    }
    return parts;
  }
}
