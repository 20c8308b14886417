package io.hanse.oms.payment.offline;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.AccountService;
import io.hanse.oms.api.payment.CustomerAccount;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.Invoice;
import io.hanse.oms.api.storage.Database;
import io.hanse.oms.payment.offline.AccountTxnLog.Kind;
import io.hanse.oms.payment.offline.AccountTxnLog.Txn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-account customers on the bundle's own tables. An invoice is overdue from the day after its due
 * date until paid, worked out when read, so no job has to mark it. A payment recorded again for the
 * same invoice with the same reference is taken once: the second call returns the invoice as it is.
 */
@Component(service = AccountService.class, configurationPid = AccountConfig.PID)
@Designate(ocd = AccountConfig.class)
public class AccountServiceImpl implements AccountService {
  private static final Logger LOG = LoggerFactory.getLogger(AccountServiceImpl.class);
  private static final int MAX_TERMS = 365;
  private static final int MAX_ID = 64;
  private static final int MAX_REFERENCE = 200;

  private final Database database;
  private final Clock clock;

  /** Due dates are days of the configured zone. */
  @Activate
  public AccountServiceImpl(@Reference AccountSchema schema, AccountConfig config) {
    this(schema.database(), AccountClock.of(config));
  }

  AccountServiceImpl(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * {@inheritDoc} The limit's currency is the account's; it can change only while nothing is owed
   * or authorized. A limit lowered below what is owed leaves nothing available, and takes nothing
   * back.
   */
  @Override
  public CustomerAccount setTerms(String customerId, Money creditLimit, int termsDays) {
    List<String> errors = new ArrayList<>();
    if (customerId == null || customerId.isBlank() || customerId.length() > MAX_ID) {
      errors.add("customerId must be 1 to " + MAX_ID + " characters");
    }
    if (creditLimit == null || creditLimit.signum() < 0) {
      errors.add("creditLimit must be zero or more");
    }
    if (termsDays < 0 || termsDays > MAX_TERMS) {
      errors.add("termsDays must be 0 to " + MAX_TERMS);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    CustomerAccount account =
        database.inTransaction(
            c -> {
              Instant now = clock.instant();
              if (!AccountTable.setTerms(c, customerId, creditLimit, termsDays, now)) {
                if (AccountTable.find(c, customerId).isPresent()) {
                  throw new ValidationException(
                      "the account of "
                          + customerId
                          + " has money owed or authorized in another currency than "
                          + creditLimit.currency());
                }
                // two first calls at once: the loser's insert breaks the key and is run again
                AccountTable.insert(c, customerId, creditLimit, termsDays, now);
              }
              return account(c, customerId);
            });
    LOG.info("Account {}: limit {}, net {} days", customerId, creditLimit, termsDays);
    return account;
  }

  @Override
  public CustomerAccount get(String customerId) {
    return database.inTransaction(c -> account(c, customerId));
  }

  @Override
  public List<Invoice> invoices(String customerId) {
    LocalDate today = LocalDate.now(clock);
    return database.inTransaction(c -> InvoiceTable.ofCustomer(c, customerId)).stream()
        .map(row -> row.view(today))
        .toList();
  }

  @Override
  public Invoice recordPayment(String invoiceId, Money amount, String reference) {
    if (amount == null || amount.signum() <= 0) {
      throw new ValidationException("amount must be positive");
    }
    if (reference != null && reference.length() > MAX_REFERENCE) {
      throw new ValidationException("reference must be at most " + MAX_REFERENCE + " characters");
    }
    String key =
        reference == null || reference.isBlank() ? null : "payment:" + invoiceId + ":" + reference;
    Invoice invoice =
        database.inTransaction(
            c -> {
              if (AccountTxnLog.find(c, key, Kind.PAYMENT).isPresent()) {
                return invoice(c, invoiceId);
              }
              InvoiceTable.Row row = row(c, invoiceId);
              if (!row.currency().equals(amount.currency())) {
                throw new ValidationException(
                    "invoice " + invoiceId + " is in " + row.currency() + ", not " + amount);
              }
              if (!InvoiceTable.pay(c, invoiceId, amount.amount())) {
                throw new ValidationException(
                    "at most "
                        + new Money(
                            row(c, invoiceId).open().max(java.math.BigDecimal.ZERO), row.currency())
                        + " is open on invoice "
                        + invoiceId);
              }
              AccountTable.reduceOpen(c, row.customerId(), amount.amount(), clock.instant());
              String id = AccountTxnLog.newId();
              AccountTxnLog.append(
                  c,
                  new Txn(id, row.customerId(), null, invoiceId, Kind.PAYMENT, amount, key),
                  GatewayResult.approved(reference == null ? id : reference),
                  clock.instant());
              return invoice(c, invoiceId);
            });
    LOG.info("Payment of {} recorded on invoice {}", amount, invoiceId);
    return invoice;
  }

  private CustomerAccount account(Connection c, String customerId) throws SQLException {
    return AccountTable.find(c, customerId)
        .map(AccountTable.Account::view)
        .orElseThrow(() -> new NotFoundException("account", customerId));
  }

  private Invoice invoice(Connection c, String invoiceId) throws SQLException {
    return row(c, invoiceId).view(LocalDate.now(clock));
  }

  private static InvoiceTable.Row row(Connection c, String invoiceId) throws SQLException {
    if (invoiceId == null || invoiceId.length() > MAX_ID) {
      throw new NotFoundException("invoice", String.valueOf(invoiceId));
    }
    return InvoiceTable.find(c, invoiceId)
        .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
  }
}
