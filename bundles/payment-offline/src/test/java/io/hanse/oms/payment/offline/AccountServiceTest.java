package io.hanse.oms.payment.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.CustomerAccount;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.Invoice;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.testing.DerbyDatabase;
import io.hanse.oms.testing.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class AccountServiceTest {
  private final TestClock clock = new TestClock();
  private AccountServiceImpl accounts;
  private AccountGateway gateway;

  @BeforeEach
  void setUp() {
    DerbyDatabase db = new DerbyDatabase();
    new AccountSchema(db, (Bundle) null); // the test database ignores the bundle
    accounts = new AccountServiceImpl(db, clock);
    gateway = new AccountGateway(db, clock);
  }

  @Test
  void termsOpenAnAccountAndAreChecked() {
    CustomerAccount opened = accounts.setTerms("c-1", eur("1000"), 30);

    assertThat(opened)
        .isEqualTo(new CustomerAccount("c-1", eur("1000"), 30, eur("0"), eur("0"), eur("1000")));
    assertThat(accounts.setTerms("c-1", eur("500"), 14).termsDays()).isEqualTo(14);
    assertThat(accounts.get("c-1").creditLimit()).isEqualTo(eur("500"));
    assertThatThrownBy(() -> accounts.get("c-2")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> accounts.setTerms("c-1", eur("-1"), 30))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> accounts.setTerms("c-1", eur("1"), 366))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> accounts.setTerms("c-1", eur("1"), -1))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> accounts.setTerms(" ", eur("1"), 30))
        .isInstanceOf(ValidationException.class);
    assertThat(accounts.setTerms("c-1", Money.of("700", "USD"), 0).creditLimit())
        .isEqualTo(Money.of("700", "USD"));
  }

  @Test
  void theCurrencyStaysWhileMoneyIsOwed() {
    accounts.setTerms("c-1", eur("100"), 30);
    gateway.authorize(authorize("c-1", eur("10"), "a-1"));

    assertThatThrownBy(() -> accounts.setTerms("c-1", Money.of("100", "USD"), 30))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("another currency");
    assertThat(accounts.get("c-1").creditLimit()).isEqualTo(eur("100"));
  }

  @Test
  void aCaptureRaisesAnInvoiceDueAfterTheTerms() {
    accounts.setTerms("c-1", eur("1000"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("300"), "a-1"));

    GatewayResult capture = gateway.capture(op(auth, eur("120"), "cap-1", false));

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Invoice> invoices = accounts.invoices("c-1");
    assertThat(invoices).hasSize(1);
    Invoice invoice = invoices.get(0);
    assertThat(invoice.id()).isEqualTo(capture.reference());
    assertThat(invoice.orderId()).isEqualTo("order-1");
    assertThat(invoice.amount()).isEqualTo(eur("120"));
    assertThat(invoice.paid()).isEqualTo(eur("0"));
    assertThat(invoice.dueDate()).isEqualTo(today.plusDays(30));
    assertThat(invoice.status()).isEqualTo(Invoice.Status.OPEN);
    assertThat(invoice.issuedAt()).isEqualTo(clock.instant());
    assertThat(capture.message()).contains(today.plusDays(30).toString());
    assertThat(accounts.get("c-1"))
        .isEqualTo(new CustomerAccount("c-1", eur("1000"), 30, eur("120"), eur("180"), eur("700")));
    assertThat(accounts.invoices("nobody")).isEmpty();
  }

  @Test
  void partialPaymentsLeadToPaidAndNeverExceedWhatIsOpen() {
    accounts.setTerms("c-1", eur("1000"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("100"), "a-1"));
    String invoiceId = gateway.capture(op(auth, eur("100"), "cap-1", true)).reference();

    Invoice part = accounts.recordPayment(invoiceId, eur("40"), "bank-1");
    assertThat(part.paid()).isEqualTo(eur("40"));
    assertThat(part.status()).isEqualTo(Invoice.Status.OPEN);
    assertThat(accounts.get("c-1").openBalance()).isEqualTo(eur("60"));

    assertThatThrownBy(() -> accounts.recordPayment(invoiceId, eur("60.01"), "bank-2"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("60.00 EUR");
    assertThatThrownBy(() -> accounts.recordPayment(invoiceId, Money.of("1", "USD"), "bank-2"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> accounts.recordPayment(invoiceId, eur("0"), "bank-2"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> accounts.recordPayment("nope", eur("1"), "bank-2"))
        .isInstanceOf(NotFoundException.class);

    // the same bank reference recorded twice is taken once
    assertThat(accounts.recordPayment(invoiceId, eur("40"), "bank-1").paid()).isEqualTo(eur("40"));

    Invoice paid = accounts.recordPayment(invoiceId, eur("60"), "bank-2");
    assertThat(paid.paid()).isEqualTo(eur("100"));
    assertThat(paid.status()).isEqualTo(Invoice.Status.PAID);
    assertThat(accounts.get("c-1"))
        .isEqualTo(new CustomerAccount("c-1", eur("1000"), 30, eur("0"), eur("0"), eur("1000")));
  }

  @Test
  void anUnpaidInvoiceIsOverdueFromTheDayAfterItsDueDate() {
    accounts.setTerms("c-1", eur("1000"), 14);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("100"), "a-1"));
    String first = gateway.capture(op(auth, eur("50"), "cap-1", false)).reference();
    String second = gateway.capture(op(auth, eur("50"), "cap-2", true)).reference();
    accounts.recordPayment(second, eur("50"), null);

    clock.advance(Duration.ofDays(14));
    assertThat(accounts.invoices("c-1"))
        .extracting(Invoice::status)
        .containsOnly(Invoice.Status.OPEN, Invoice.Status.PAID);

    clock.advance(Duration.ofDays(1));
    assertThat(accounts.invoices("c-1"))
        .filteredOn(i -> i.id().equals(first))
        .extracting(Invoice::status)
        .containsExactly(Invoice.Status.OVERDUE);
    assertThat(accounts.invoices("c-1"))
        .filteredOn(i -> i.id().equals(second))
        .extracting(Invoice::status)
        .containsExactly(Invoice.Status.PAID);

    assertThat(accounts.recordPayment(first, eur("50"), "late").status())
        .isEqualTo(Invoice.Status.PAID);
  }

  @Test
  void invoicesAreNewestFirst() {
    accounts.setTerms("c-1", eur("1000"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("100"), "a-1"));
    String older = gateway.capture(op(auth, eur("10"), "cap-1", false)).reference();
    clock.advance(Duration.ofMinutes(1));
    String newer = gateway.capture(op(auth, eur("10"), "cap-2", false)).reference();

    assertThat(accounts.invoices("c-1")).extracting(Invoice::id).containsExactly(newer, older);
  }

  static AuthorizationRequest authorize(String customerId, Money amount, String key) {
    return new AuthorizationRequest(
        "pay-1", "order-1", Tender.ACCOUNT, null, amount, customerId, "c@example.com", key);
  }

  static GatewayOperation op(GatewayResult auth, Money amount, String key, boolean last) {
    return new GatewayOperation(
        "pay-1", "order-1", Tender.ACCOUNT, auth.reference(), amount, key, "test", last);
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }
}
