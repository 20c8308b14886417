package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import java.util.List;

/**
 * On-account customers: credit limits, payment terms, invoices and their payments. Orders are put
 * on account through the {@code account} {@link PaymentGateway}.
 */
public interface AccountService {

  /**
   * Opens or changes a customer's account.
   *
   * @throws ValidationException for a negative limit or terms outside 0–365 days
   */
  CustomerAccount setTerms(String customerId, Money creditLimit, int termsDays);

  /**
   * The customer's account.
   *
   * @throws NotFoundException when the customer has none
   */
  CustomerAccount get(String customerId);

  /** The customer's invoices, newest first. */
  List<Invoice> invoices(String customerId);

  /**
   * Records a payment received against an invoice; it can't exceed what is open.
   *
   * @throws ValidationException when it would
   */
  Invoice recordPayment(String invoiceId, Money amount, String reference);
}
