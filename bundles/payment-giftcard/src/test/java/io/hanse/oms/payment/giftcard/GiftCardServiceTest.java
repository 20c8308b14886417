package io.hanse.oms.payment.giftcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.IssuedGiftCard;
import io.hanse.oms.testing.DerbyDatabase;
import io.hanse.oms.testing.TestClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class GiftCardServiceTest {
  private final TestClock clock = new TestClock();
  private DerbyDatabase db;
  private GiftCardServiceImpl cards;

  @BeforeEach
  void setUp() {
    db = new DerbyDatabase();
    new GiftCardSchema(db, (Bundle) null); // the test database ignores the bundle
    cards = new GiftCardServiceImpl(db, clock, new SecureRandom());
  }

  @Test
  void issuedCardIsFoundByItsCodeTypedWithDashesSpacesAndLowerCase() {
    IssuedGiftCard issued = cards.issue(Money.of("50", "EUR"), null, "gift", null);

    assertThat(issued.code()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    assertThat(issued.card().last4()).isEqualTo(issued.code().substring(15));
    assertThat(issued.card().balance()).isEqualTo(Money.of("50", "EUR"));
    assertThat(issued.card().held()).isEqualTo(Money.zero("EUR"));
    assertThat(issued.card().status()).isEqualTo(GiftCard.Status.ACTIVE);
    assertThat(issued.toString()).doesNotContain(issued.code().substring(0, 4));

    String typed = " " + issued.code().toLowerCase(Locale.ROOT).replaceFirst("-", " ") + " ";
    assertThat(cards.findByCode(typed)).contains(issued.card());
    assertThat(cards.findByCode(issued.code().replace("-", ""))).contains(issued.card());
    assertThat(cards.findByCode("0000-0000-0000-0000")).isEmpty();
    assertThat(cards.findByCode("not a code")).isEmpty();
    assertThat(cards.get(issued.card().id())).isEqualTo(issued.card());
    assertThatThrownBy(() -> cards.get("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theCodeIsStoredNowhere() throws SQLException {
    IssuedGiftCard issued = cards.issue(Money.of("20", "EUR"), null, "gift", "issue-1");
    cards.reload(issued.card().id(), Money.of("5", "EUR"), "reload-1");
    cards.expire(issued.card().id());
    String plain = issued.code().replace("-", "");

    List<String> values = everyValueInTheDatabase();

    assertThat(values).isNotEmpty().contains(GiftCodes.hash(plain), issued.card().last4());
    assertThat(values)
        .noneMatch(v -> v.toUpperCase(Locale.ROOT).contains(plain.substring(0, 12)))
        .noneMatch(v -> v.toUpperCase(Locale.ROOT).contains(issued.code().substring(0, 9)));
  }

  @Test
  void aRepeatedIssueKeyReturnsTheFirstCardWithoutItsCode() {
    IssuedGiftCard first = cards.issue(Money.of("30", "EUR"), null, "store-credit", "refund:r1");
    IssuedGiftCard again = cards.issue(Money.of("99", "EUR"), null, "gift", "refund:r1");

    assertThat(first.code()).isNotNull();
    assertThat(again.code()).isNull();
    assertThat(again.card()).isEqualTo(first.card());
    assertThat(again.card().purpose()).isEqualTo("store-credit");
    assertThat(cards.list(0, 10).items()).hasSize(1);
  }

  @Test
  void badIssuesAreRefused() {
    assertThatThrownBy(() -> cards.issue(Money.zero("EUR"), null, "gift", null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cards.issue(Money.of("-1", "EUR"), null, "gift", null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cards.issue(Money.of("1", "EUR"), null, "voucher", null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cards.issue(Money.of("1", "EUR"), clock.instant(), "gift", null))
        .isInstanceOf(ValidationException.class);
    assertThat(cards.list(0, 10).items()).isEmpty();
  }

  @Test
  void reloadAddsToAnActiveCardOnceAndRefusesAnExpiredOne() {
    GiftCard card = cards.issue(Money.of("10", "EUR"), null, "gift", null).card();

    assertThat(cards.reload(card.id(), Money.of("15.50", "EUR"), "r-1").balance())
        .isEqualTo(Money.of("25.50", "EUR"));
    assertThat(cards.reload(card.id(), Money.of("15.50", "EUR"), "r-1").balance())
        .isEqualTo(Money.of("25.50", "EUR"));
    assertThatThrownBy(() -> cards.reload(card.id(), Money.of("1", "USD"), null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cards.reload(card.id(), Money.zero("EUR"), null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cards.reload("nope", Money.of("1", "EUR"), null))
        .isInstanceOf(NotFoundException.class);

    GiftCard expired = cards.expire(card.id());

    assertThat(expired.status()).isEqualTo(GiftCard.Status.EXPIRED);
    assertThat(expired.expiresAt()).isEqualTo(clock.instant());
    assertThat(cards.expire(card.id())).isEqualTo(expired);
    assertThatThrownBy(() -> cards.reload(card.id(), Money.of("1", "EUR"), null))
        .isInstanceOf(ConflictException.class);
    assertThat(cards.get(card.id()).balance()).isEqualTo(Money.of("25.50", "EUR"));
  }

  @Test
  void aCardPastItsExpiryDateIsExpiredWithoutAnyoneExpiringIt() {
    Instant inADay = clock.instant().plus(Duration.ofDays(1));
    GiftCard card = cards.issue(Money.of("10", "EUR"), inADay, "gift", null).card();
    assertThat(cards.outstanding("EUR")).isEqualTo(Money.of("10", "EUR"));

    clock.advance(Duration.ofDays(1));

    assertThat(cards.get(card.id()).status()).isEqualTo(GiftCard.Status.EXPIRED);
    assertThat(cards.outstanding("EUR")).isEqualTo(Money.zero("EUR"));
    assertThatThrownBy(() -> cards.reload(card.id(), Money.of("1", "EUR"), null))
        .isInstanceOf(ConflictException.class);
    assertThat(cards.expire(card.id()).expiresAt()).isEqualTo(inADay);
  }

  @Test
  void listIsNewestFirstInPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(0, cards.issue(Money.of("1", "EUR"), null, "gift", null).card().id());
      clock.advance(Duration.ofSeconds(1));
    }

    Page<GiftCard> first = cards.list(0, 2);
    Page<GiftCard> last = cards.list(4, 2);

    assertThat(first.items()).extracting(GiftCard::id).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.hasMore()).isTrue();
    assertThat(last.items()).extracting(GiftCard::id).containsExactly(ids.get(4));
    assertThat(last.page()).isEqualTo(2);
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void outstandingIsWhatActiveCardsHoldInOneCurrency() {
    cards.issue(Money.of("10", "EUR"), null, "gift", null);
    cards.issue(Money.of("2.50", "EUR"), null, "store-credit", null);
    cards.issue(Money.of("7", "USD"), null, "gift", null);
    GiftCard gone = cards.issue(Money.of("100", "EUR"), null, "gift", null).card();
    cards.expire(gone.id());

    assertThat(cards.outstanding("EUR")).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(cards.outstanding("USD")).isEqualTo(Money.of("7", "USD"));
    assertThat(cards.outstanding("JPY")).isEqualTo(Money.zero("JPY"));
    assertThatThrownBy(() -> cards.outstanding("XXY")).isInstanceOf(ValidationException.class);
  }

  /** Every value of every column of every table, as text. */
  private List<String> everyValueInTheDatabase() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("GIFTCARD", "GIFTCARD_TXN", "GIFTCARD_HOLD");
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              values.add(String.valueOf(rs.getObject(i)));
            }
          }
        }
      }
    }
    return values;
  }
}
