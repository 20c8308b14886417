package io.hanse.oms.payment.offline;

import static io.hanse.oms.payment.offline.AccountServiceTest.authorize;
import static io.hanse.oms.payment.offline.AccountServiceTest.eur;
import static io.hanse.oms.payment.offline.AccountServiceTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.CustomerAccount;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.GatewayResult.Outcome;
import io.hanse.oms.api.payment.Invoice;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.testing.DerbyDatabase;
import io.hanse.oms.testing.TestClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class AccountGatewayTest {
  private final TestClock clock = new TestClock();
  private DerbyDatabase db;
  private AccountServiceImpl accounts;
  private AccountGateway gateway;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    db = new DerbyDatabase();
    new AccountSchema(db, (Bundle) null); // the test database ignores the bundle
    accounts = new AccountServiceImpl(db, clock);
    gateway = new AccountGateway(db, clock);
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void theCreditLimitCountsWhatIsOwedAndWhatIsAuthorized() {
    accounts.setTerms("c-1", eur("500"), 30);
    GatewayResult first = gateway.authorize(authorize("c-1", eur("300"), "a-1"));
    gateway.capture(op(first, eur("300"), "cap-1", true));

    GatewayResult second = gateway.authorize(authorize("c-1", eur("150"), "a-2"));
    GatewayResult third = gateway.authorize(authorize("c-1", eur("50.01"), "a-3"));
    GatewayResult exact = gateway.authorize(authorize("c-1", eur("50"), "a-4"));

    assertThat(first.isApproved()).isTrue();
    assertThat(second.isApproved()).isTrue();
    assertThat(third.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(third.code()).isEqualTo("credit_limit");
    assertThat(third.message()).contains("50.00 EUR");
    assertThat(exact.isApproved()).isTrue();
    assertThat(accounts.get("c-1"))
        .isEqualTo(new CustomerAccount("c-1", eur("500"), 30, eur("300"), eur("200"), eur("0")));
  }

  @Test
  void declinesSayWhy() {
    accounts.setTerms("c-1", eur("100"), 30);

    GatewayResult none = gateway.authorize(authorize("c-2", eur("1"), "a-1"));
    GatewayResult anonymous = gateway.authorize(authorize(null, eur("1"), "a-2"));
    GatewayResult currency = gateway.authorize(authorize("c-1", Money.of("1", "USD"), "a-3"));
    GatewayResult other =
        gateway.authorize(
            new AuthorizationRequest(
                "p", "o", Tender.ACCOUNT, "c-1", eur("1"), "c-9", null, "a-4"));
    GatewayResult bySource =
        gateway.authorize(
            new AuthorizationRequest("p", "o", Tender.ACCOUNT, "c-1", eur("1"), null, null, "a-5"));
    GatewayResult unknown =
        gateway.capture(op(GatewayResult.approved("nope"), eur("1"), "cap-1", false));

    assertThat(none.code()).isEqualTo("no_account");
    assertThat(anonymous.code()).isEqualTo("no_account");
    assertThat(currency.code()).isEqualTo("currency_mismatch");
    assertThat(other.code()).isEqualTo("account_mismatch");
    assertThat(bySource.isApproved()).isTrue();
    assertThat(unknown.code()).isEqualTo("unknown_authorization");
    assertThat(accounts.get("c-1").authorized()).isEqualTo(eur("1"));
  }

  @Test
  void captureCannotExceedTheAuthorizationAndCancelReleasesTheRest() {
    accounts.setTerms("c-1", eur("500"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("200"), "a-1"));

    GatewayResult over = gateway.capture(op(auth, eur("200.01"), "cap-1", false));
    assertThat(over.code()).isEqualTo("exceeds_authorization");
    assertThat(over.message()).contains("200.00 EUR");

    gateway.capture(op(auth, eur("80"), "cap-2", false));
    GatewayResult cancel = gateway.cancel(op(auth, eur("120"), "v-1", false));

    assertThat(cancel.isApproved()).isTrue();
    assertThat(accounts.get("c-1"))
        .isEqualTo(new CustomerAccount("c-1", eur("500"), 30, eur("80"), eur("0"), eur("420")));
    assertThat(gateway.capture(op(auth, eur("1"), "cap-3", false)).code())
        .isEqualTo("exceeds_authorization");
  }

  @Test
  void aRefundCreditsTheOrdersInvoicesNeverMoreThanInvoiced() {
    accounts.setTerms("c-1", eur("1000"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("100"), "a-1"));
    String paid = gateway.capture(op(auth, eur("60"), "cap-1", false)).reference();
    accounts.recordPayment(paid, eur("60"), "bank-1");
    String open = gateway.capture(op(auth, eur("40"), "cap-2", true)).reference();

    GatewayResult refund = gateway.refund(op(auth, eur("50"), "r-1", false));

    assertThat(refund.isApproved()).isTrue();
    // what is open is credited first: 40 settle the open invoice, 10 more are a credit on the paid
    assertThat(invoice(open).paid()).isEqualTo(eur("40"));
    assertThat(invoice(open).status()).isEqualTo(Invoice.Status.PAID);
    assertThat(invoice(paid).paid()).isEqualTo(eur("70"));
    assertThat(accounts.get("c-1").openBalance()).isEqualTo(eur("-10"));
    assertThat(accounts.get("c-1").available()).isEqualTo(eur("1010"));

    GatewayResult tooMuch = gateway.refund(op(auth, eur("50.01"), "r-2", false));
    assertThat(tooMuch.code()).isEqualTo("exceeds_invoiced");
    assertThat(tooMuch.message()).contains("50.00 EUR");
    assertThat(gateway.refund(op(auth, eur("50"), "r-3", false)).isApproved()).isTrue();
    assertThat(gateway.refund(op(auth, eur("0.01"), "r-4", false)).code())
        .isEqualTo("exceeds_invoiced");
    assertThat(accounts.get("c-1").openBalance()).isEqualTo(eur("-60"));
  }

  @Test
  void everyOperationRetriedWithItsKeyAnswersTheFirstOutcome() {
    accounts.setTerms("c-1", eur("1000"), 30);

    GatewayResult auth = gateway.authorize(authorize("c-1", eur("300"), "a-1"));
    assertThat(gateway.authorize(authorize("c-1", eur("300"), "a-1"))).isEqualTo(auth);
    GatewayResult capture = gateway.capture(op(auth, eur("100"), "cap-1", false));
    assertThat(gateway.capture(op(auth, eur("100"), "cap-1", false))).isEqualTo(capture);
    GatewayResult refund = gateway.refund(op(auth, eur("30"), "r-1", false));
    assertThat(gateway.refund(op(auth, eur("30"), "r-1", false))).isEqualTo(refund);
    GatewayResult cancel = gateway.cancel(op(auth, eur("200"), "v-1", false));
    assertThat(gateway.cancel(op(auth, eur("200"), "v-1", false))).isEqualTo(cancel);

    assertThat(accounts.invoices("c-1")).hasSize(1);
    assertThat(accounts.get("c-1"))
        .isEqualTo(new CustomerAccount("c-1", eur("1000"), 30, eur("70"), eur("0"), eur("930")));
    assertThat(List.of(auth, capture, refund, cancel))
        .extracting(GatewayResult::reference)
        .doesNotHaveDuplicates();
    assertThat(count("SELECT COUNT(*) FROM account_txn")).isEqualByComparingTo("4");
  }

  @Test
  void aRetriedDeclineStaysDeclined() {
    accounts.setTerms("c-1", eur("100"), 30);
    GatewayResult declined = gateway.authorize(authorize("c-1", eur("150"), "a-1"));

    accounts.setTerms("c-1", eur("200"), 30);

    assertThat(declined.code()).isEqualTo("credit_limit");
    assertThat(gateway.authorize(authorize("c-1", eur("150"), "a-1"))).isEqualTo(declined);
    assertThat(accounts.get("c-1").authorized()).isEqualTo(eur("0"));
  }

  @Test
  void aKeyUsedForAnotherKindOfOperationIsAConflict() {
    accounts.setTerms("c-1", eur("100"), 30);
    GatewayResult auth = gateway.authorize(authorize("c-1", eur("10"), "k-1"));

    assertThatThrownBy(() -> gateway.capture(op(auth, eur("10"), "k-1", false)))
        .isInstanceOf(ConflictException.class);
    assertThat(accounts.invoices("c-1")).isEmpty();
  }

  @Test
  void sixteenThreadsAuthorizingAtOnceNeverExceedTheLimit() throws Exception {
    accounts.setTerms("c-1", eur("500"), 30);
    pool = Executors.newFixedThreadPool(16);
    List<Future<BigDecimal>> futures = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      futures.add(
          pool.submit(
              () -> {
                BigDecimal approved = BigDecimal.ZERO;
                for (int i = 0; i < 20; i++) {
                  Money amount = eur(String.valueOf(ThreadLocalRandom.current().nextInt(1, 6)));
                  GatewayResult r =
                      gateway.authorize(authorize("c-1", amount, UUID.randomUUID().toString()));
                  if (r.isApproved()) {
                    approved = approved.add(amount.amount());
                  } else {
                    assertThat(r.code()).isEqualTo("credit_limit");
                  }
                }
                return approved;
              }));
    }
    BigDecimal approved = BigDecimal.ZERO;
    for (Future<BigDecimal> f : futures) {
      approved = approved.add(f.get());
    }

    CustomerAccount account = accounts.get("c-1");
    assertThat(approved)
        .isLessThanOrEqualTo(new BigDecimal("500"))
        .isGreaterThan(new BigDecimal("495"));
    assertThat(account.authorized().amount()).isEqualByComparingTo(approved);
    assertThat(
            count(
                "SELECT SUM(amount) FROM account_txn WHERE kind = 'AUTHORIZE'"
                    + " AND outcome = 'APPROVED'"))
        .isEqualByComparingTo(approved);
    assertThat(count("SELECT COUNT(*) FROM account_txn WHERE outcome = 'DECLINED'"))
        .isGreaterThan(BigDecimal.ZERO);
  }

  private Invoice invoice(String id) {
    return accounts.invoices("c-1").stream()
        .filter(i -> i.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private BigDecimal count(String sql) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBigDecimal(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
