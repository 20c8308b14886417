package io.hanse.oms.payment.giftcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.GatewayResult.Outcome;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.IssuedGiftCard;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.testing.DerbyDatabase;
import io.hanse.oms.testing.TestClock;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

class GiftCardGatewayTest {
  private final TestClock clock = new TestClock();
  private DerbyDatabase db;
  private GiftCardServiceImpl cards;
  private GiftCardGateway gateway;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    db = new DerbyDatabase();
    new GiftCardSchema(db, (Bundle) null); // the test database ignores the bundle
    cards = new GiftCardServiceImpl(db, clock, new SecureRandom());
    gateway = new GiftCardGateway(db, clock);
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Test
  void theCoresReferenceFindsTheCardWithoutItsCode() {
    IssuedGiftCard card = cards.issue(eur("30"), null, "gift", null);
    String reference =
        io.hanse.oms.api.payment.GiftCardCodes.reference(
                card.code().toLowerCase(java.util.Locale.ROOT))
            .orElseThrow();
    assertThat(reference).doesNotContain(card.code().replace("-", ""));
    assertThat(gateway.authorize(authorize(reference, eur("30"), "ref-1")).isApproved()).isTrue();
    assertBalance(card, "0", "30");
    assertThat(gateway.authorize(authorize("sha256:" + "0".repeat(64), eur("1"), "ref-2")).code())
        .isEqualTo("unknown_card");
    assertThat(gateway.authorize(authorize("sha256:not-hex", eur("1"), "ref-3")).code())
        .isEqualTo("unknown_card");
  }

  @Test
  void authorizeCaptureCancelRefundMoveTheBalance() {
    IssuedGiftCard card = cards.issue(eur("100"), null, "gift", null);

    GatewayResult hold = gateway.authorize(authorize(card.code(), eur("60"), "a-1"));
    assertThat(hold.outcome()).isEqualTo(Outcome.APPROVED);
    assertBalance(card, "40", "60");

    assertThat(gateway.capture(op(hold, eur("25"), "c-1", false)).isApproved()).isTrue();
    assertBalance(card, "40", "35");

    GatewayResult cancel = gateway.cancel(op(hold, eur("35"), "v-1", false));
    assertThat(cancel.isApproved()).isTrue();
    assertBalance(card, "75", "0");

    assertThat(gateway.refund(op(hold, eur("10"), "r-1", false)).isApproved()).isTrue();
    assertBalance(card, "85", "0");

    GatewayResult tooMuch = gateway.refund(op(hold, eur("15.01"), "r-2", false));
    assertThat(tooMuch.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(tooMuch.code()).isEqualTo("exceeds_captured");
    assertThat(tooMuch.message()).contains("15.00 EUR");
    assertThat(gateway.refund(op(hold, eur("15"), "r-3", false)).isApproved()).isTrue();
    assertBalance(card, "100", "0");
  }

  @Test
  void aCaptureCannotTakeMoreThanIsStillHeldAndTheFinalOneReleasesTheRest() {
    IssuedGiftCard card = cards.issue(eur("50"), null, "gift", null);
    GatewayResult hold = gateway.authorize(authorize(card.code(), eur("30"), "a-1"));

    GatewayResult over = gateway.capture(op(hold, eur("30.01"), "c-1", false));
    assertThat(over.code()).isEqualTo("exceeds_hold");
    assertThat(over.message()).contains("30.00 EUR");
    assertBalance(card, "20", "30");

    assertThat(gateway.capture(op(hold, eur("10"), "c-2", true)).isApproved()).isTrue();
    assertBalance(card, "40", "0");
    assertThat(gateway.capture(op(hold, eur("1"), "c-3", false)).code()).isEqualTo("exceeds_hold");
    assertThat(gateway.cancel(op(hold, eur("0"), "v-1", false)).isApproved()).isTrue();
    assertBalance(card, "40", "0");
  }

  @Test
  void declinesSayWhy() {
    IssuedGiftCard card = cards.issue(eur("20"), null, "gift", null);

    GatewayResult unknown = gateway.authorize(authorize("0000-0000-0000-0000", eur("1"), "a-1"));
    GatewayResult missing = gateway.authorize(authorize(null, eur("1"), "a-2"));
    GatewayResult currency = gateway.authorize(authorize(card.code(), usd("1"), "a-3"));
    GatewayResult poor = gateway.authorize(authorize(card.code(), eur("20.01"), "a-4"));
    GatewayResult noHold = gateway.capture(op("nope", eur("1"), "c-1"));

    assertThat(unknown.code()).isEqualTo("unknown_card");
    assertThat(missing.code()).isEqualTo("unknown_card");
    assertThat(currency.code()).isEqualTo("currency_mismatch");
    assertThat(poor.code()).isEqualTo("insufficient_funds");
    assertThat(poor.message()).contains("20.00 EUR");
    assertThat(noHold.code()).isEqualTo("unknown_hold");
    assertThat(List.of(unknown, missing, currency, poor, noHold))
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DECLINED))
        .allSatisfy(r -> assertThat(r.reference()).isNotBlank());
    assertBalance(card, "20", "0");
  }

  @Test
  void anExpiredCardDeclinesAuthorizationsAndRefunds() {
    IssuedGiftCard card =
        cards.issue(eur("20"), clock.instant().plus(Duration.ofDays(30)), "gift", null);
    GatewayResult hold = gateway.authorize(authorize(card.code(), eur("5"), "a-1"));
    gateway.capture(op(hold, eur("5"), "c-1", true));

    clock.advance(Duration.ofDays(30));

    assertThat(gateway.authorize(authorize(card.code(), eur("1"), "a-2")).code())
        .isEqualTo("expired_card");
    GatewayResult refund = gateway.refund(op(hold, eur("5"), "r-1", false));
    assertThat(refund.code()).isEqualTo("expired_card");
    assertBalance(card, "15", "0");
    assertThat(refundedOf(hold)).isEqualByComparingTo("0");

    IssuedGiftCard byHand = cards.issue(eur("20"), null, "gift", null);
    cards.expire(byHand.card().id());
    assertThat(gateway.authorize(authorize(byHand.code(), eur("1"), "a-3")).code())
        .isEqualTo("expired_card");
  }

  @Test
  void everyOperationRetriedWithItsKeyAnswersTheFirstOutcomeAndMovesNoMoney() {
    IssuedGiftCard card = cards.issue(eur("100"), null, "gift", null);

    GatewayResult hold = gateway.authorize(authorize(card.code(), eur("60"), "a-1"));
    // the core retries an authorization without the code, which it kept only in memory
    assertThat(gateway.authorize(authorize(null, eur("60"), "a-1"))).isEqualTo(hold);
    assertThat(gateway.authorize(authorize(card.code(), eur("60"), "a-1"))).isEqualTo(hold);
    assertBalance(card, "40", "60");

    GatewayResult capture = gateway.capture(op(hold, eur("20"), "c-1", false));
    assertThat(gateway.capture(op(hold, eur("20"), "c-1", false))).isEqualTo(capture);
    assertBalance(card, "40", "40");

    GatewayResult refund = gateway.refund(op(hold, eur("5"), "r-1", false));
    assertThat(gateway.refund(op(hold, eur("5"), "r-1", false))).isEqualTo(refund);
    assertBalance(card, "45", "40");

    GatewayResult cancel = gateway.cancel(op(hold, eur("40"), "v-1", false));
    assertThat(gateway.cancel(op(hold, eur("40"), "v-1", false))).isEqualTo(cancel);
    assertBalance(card, "85", "0");

    assertThat(List.of(hold, capture, refund, cancel))
        .extracting(GatewayResult::reference)
        .doesNotHaveDuplicates();
    assertThat(countTxns()).isEqualTo(5); // issue, hold, capture, refund, release
  }

  @Test
  void aRetriedDeclineStaysDeclinedEvenWhenItWouldNowBeApproved() {
    IssuedGiftCard card = cards.issue(eur("10"), null, "gift", null);

    GatewayResult declined = gateway.authorize(authorize(card.code(), eur("15"), "a-1"));
    cards.reload(card.card().id(), eur("10"), null);
    GatewayResult retried = gateway.authorize(authorize(card.code(), eur("15"), "a-1"));

    assertThat(declined.code()).isEqualTo("insufficient_funds");
    assertThat(retried).isEqualTo(declined);
    assertBalance(card, "20", "0");
  }

  @Test
  void aKeyUsedForAnotherKindOfOperationIsAConflict() {
    IssuedGiftCard card = cards.issue(eur("10"), null, "gift", "k-1");

    assertThatThrownBy(() -> gateway.authorize(authorize(card.code(), eur("1"), "k-1")))
        .isInstanceOf(ConflictException.class);
    assertBalance(card, "10", "0");
  }

  @Test
  void sixteenThreadsRedeemingOneCardNeverTakeItBelowZero() throws Exception {
    IssuedGiftCard card = cards.issue(eur("500"), null, "gift", null);
    pool = Executors.newFixedThreadPool(16);
    List<Future<List<BigDecimal>>> futures = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      futures.add(
          pool.submit(
              () -> {
                List<BigDecimal> approved = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                  Money amount = eur(String.valueOf(ThreadLocalRandom.current().nextInt(1, 6)));
                  GatewayResult r =
                      gateway.authorize(
                          authorize(card.code(), amount, UUID.randomUUID().toString()));
                  if (r.isApproved()) {
                    approved.add(amount.amount());
                  } else {
                    assertThat(r.code()).isEqualTo("insufficient_funds");
                  }
                }
                return approved;
              }));
    }
    BigDecimal held = BigDecimal.ZERO;
    int approvals = 0;
    for (Future<List<BigDecimal>> f : futures) {
      for (BigDecimal a : f.get()) {
        held = held.add(a);
        approvals++;
      }
    }

    GiftCard after = cards.get(card.card().id());
    // 320 attempts of 3 on average against 500: the card runs dry and some are declined
    assertThat(approvals).isLessThan(320);
    assertThat(after.balance().signum()).isGreaterThanOrEqualTo(0);
    assertThat(after.balance().amount()).isLessThan(new BigDecimal("5"));
    assertThat(after.held().amount()).isEqualByComparingTo(held);
    assertThat(after.balance().amount().add(held)).isEqualByComparingTo("500");
    assertThat(sumOfHolds()).isEqualByComparingTo(held);
  }

  @Test
  void retriesRacingWithOneKeyTakeTheMoneyOnce() throws Exception {
    IssuedGiftCard card = cards.issue(eur("100"), null, "gift", null);
    pool = Executors.newFixedThreadPool(8);
    List<Future<GatewayResult>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> gateway.authorize(authorize(card.code(), eur("30"), "a-1"))));
    }
    List<GatewayResult> results = new ArrayList<>();
    for (Future<GatewayResult> f : futures) {
      results.add(f.get());
    }

    // losers wait for the winner's key (Derby) or break the unique key and run again (PostgreSQL)
    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
    assertThat(results.get(0).isApproved()).isTrue();
    assertBalance(card, "70", "30");
  }

  private void assertBalance(IssuedGiftCard card, String balance, String held) {
    GiftCard now = cards.get(card.card().id());
    assertThat(now.balance()).isEqualTo(eur(balance));
    assertThat(now.held()).isEqualTo(eur(held));
  }

  private BigDecimal refundedOf(GatewayResult hold) {
    return query("SELECT refunded FROM giftcard_hold WHERE id = '" + hold.reference() + "'");
  }

  private BigDecimal sumOfHolds() {
    return query(
        "SELECT SUM(amount) FROM giftcard_txn WHERE kind = 'HOLD' AND outcome = 'APPROVED'");
  }

  private long countTxns() {
    return query("SELECT COUNT(*) FROM giftcard_txn").longValue();
  }

  private BigDecimal query(String sql) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBigDecimal(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuthorizationRequest authorize(String code, Money amount, String key) {
    return new AuthorizationRequest(
        "pay-1", "order-1", Tender.GIFTCARD, code, amount, "cust-1", "c@example.com", key);
  }

  private static GatewayOperation op(GatewayResult hold, Money amount, String key, boolean last) {
    return new GatewayOperation(
        "pay-1", "order-1", Tender.GIFTCARD, hold.reference(), amount, key, "test", last);
  }

  private static GatewayOperation op(String reference, Money amount, String key) {
    return new GatewayOperation(
        "pay-1", "order-1", Tender.GIFTCARD, reference, amount, key, "test", false);
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }
}
