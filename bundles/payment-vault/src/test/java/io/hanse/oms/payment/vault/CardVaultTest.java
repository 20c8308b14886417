package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.CardVault.Rotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardVaultTest {
  private static final String VISA = "4242424242424242";
  private static final String AMEX = "378282246310005";

  @TempDir Path folder;
  private TestVault t;

  @BeforeEach
  void open() {
    t = new TestVault(folder);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void tokenizeShowsBrandLastFourAndExpiryUnderARandomToken() {
    CardToken token = t.cards.tokenize(new CardDetails("4242 4242 4242 4242", 12, 2030, "123"));
    CardToken again = t.cards.tokenize(new CardDetails(VISA, 12, 2030, "123"));

    assertThat(token.token()).startsWith("tok_").hasSizeGreaterThanOrEqualTo(4 + 24);
    assertThat(token.token().substring(4)).matches("[A-Za-z0-9_-]+");
    assertThat(again.token()).isNotEqualTo(token.token());
    assertThat(token)
        .extracting(CardToken::brand, CardToken::last4, CardToken::expMonth, CardToken::expYear)
        .containsExactly("visa", "4242", 12, 2030);
    assertThat(t.cards.find(token.token())).contains(token);
  }

  @Test
  void findAnswersEmptyForAnUnknownOrForeignToken() {
    assertThat(t.cards.find("tok_doesnotexist")).isEmpty();
    assertThat(t.cards.find("pm_1234")).isEmpty();
    assertThat(t.cards.find(null)).isEmpty();
    assertThat(t.detokenizer.reveal("tok_doesnotexist")).isEmpty();
  }

  @Test
  void aRejectedCardStoresNothing() throws SQLException {
    assertThatThrownBy(() -> t.cards.tokenize(new CardDetails(VISA, 12, 2030, "12")))
        .isInstanceOf(ValidationException.class)
        .hasMessageNotContaining(VISA);
    assertThat(rows()).isEmpty();
    assertThat(t.vault.cvcs().size()).isZero();
  }

  @Test
  void revealReturnsTheNumberAndTheSecurityCodeOnlyOnce() {
    CardToken token = t.cards.tokenize(new CardDetails("3782-822463-10005", 3, 2031, "1234"));

    CardSecret first = t.detokenizer.reveal(token.token()).orElseThrow();
    CardSecret second = t.detokenizer.reveal(token.token()).orElseThrow();

    assertThat(first.card()).isEqualTo(token);
    assertThat(first.number()).isEqualTo(AMEX);
    assertThat(first.cvc()).isEqualTo("1234");
    assertThat(first.toString()).doesNotContain(AMEX, "1234");
    assertThat(second.number()).isEqualTo(AMEX);
    assertThat(second.cvc()).isNull();
  }

  @Test
  void aCardWithoutSecurityCodeRevealsWithout() {
    CardToken token = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));

    assertThat(t.detokenizer.reveal(token.token()).orElseThrow().cvc()).isNull();
  }

  @Test
  void theSecurityCodeExpiresAfterItsTimeToLive() {
    CardToken kept = t.cards.tokenize(new CardDetails(VISA, 12, 2030, "123"));
    CardToken late = t.cards.tokenize(new CardDetails(VISA, 12, 2030, "456"));

    t.clock.advance(TestVault.CVC_TTL.minusSeconds(1));
    assertThat(t.detokenizer.reveal(kept.token()).orElseThrow().cvc()).isEqualTo("123");
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(t.detokenizer.reveal(late.token()).orElseThrow().cvc()).isNull();
  }

  @Test
  void theSweepDropsExpiredCodesAndClosingDropsThemAll() {
    t.cards.tokenize(new CardDetails(VISA, 12, 2030, "123"));
    t.clock.advance(TestVault.CVC_TTL);
    t.cards.tokenize(new CardDetails(VISA, 12, 2030, "456"));

    assertThat(t.vault.cvcs().sweep()).isEqualTo(1);
    assertThat(t.vault.cvcs().size()).isEqualTo(1);
    t.vault.close();
    assertThat(t.vault.cvcs().size()).isZero();
  }

  @Test
  void theStoredRowHoldsNeitherTheNumberNorTheSecurityCode() throws SQLException {
    String[] numbers = {VISA, AMEX, "6205500000000000004", "2223003122003222"};
    String[] codes = {"321", "4321", "987", "654"};
    for (int i = 0; i < numbers.length; i++) {
      t.cards.tokenize(new CardDetails(numbers[i], 12, 2030, codes[i]));
    }

    assertThat(columns())
        .as("a new column must be checked here before it ships")
        .containsExactlyInAnyOrder(
            "TOKEN",
            "BRAND",
            "LAST4",
            "EXP_MONTH",
            "EXP_YEAR",
            "KEY_VERSION",
            "NONCE",
            "CIPHERTEXT",
            "CREATED_AT",
            "UPDATED_AT");
    List<List<Object>> rows = rows();
    assertThat(rows).hasSize(numbers.length);
    for (List<Object> row : rows) {
      for (Object value : row) {
        String text = String.valueOf(value);
        List<byte[]> bytes = new ArrayList<>();
        bytes.add(value instanceof byte[] b ? b : text.getBytes(StandardCharsets.UTF_8));
        bytes.add(text.getBytes(StandardCharsets.UTF_16BE));
        if (text.matches("[A-Za-z0-9+/]+={0,2}") && text.length() % 4 == 0) {
          bytes.add(Base64.getDecoder().decode(text));
        }
        if (text.startsWith(CardToken.PREFIX)) {
          bytes.add(Base64.getUrlDecoder().decode(text.substring(CardToken.PREFIX.length())));
        }
        for (int i = 0; i < numbers.length; i++) {
          assertThat(text).doesNotContain(numbers[i], numbers[i].substring(0, 6), codes[i]);
          for (byte[] b : bytes) {
            assertThat(contains(b, numbers[i].getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(contains(b, codes[i].getBytes(StandardCharsets.US_ASCII))).isFalse();
          }
        }
      }
    }
  }

  @Test
  void aTamperedCiphertextDoesNotReveal() throws SQLException {
    CardToken token = t.cards.tokenize(new CardDetails(VISA, 12, 2030, "123"));
    byte[] sealed = Base64.getDecoder().decode(column(token.token(), "ciphertext"));
    sealed[0] ^= 1;
    update(token.token(), "ciphertext", Base64.getEncoder().encodeToString(sealed));

    assertThat(t.detokenizer.reveal(token.token())).isEmpty();
    assertThat(t.cards.find(token.token())).contains(token);
  }

  @Test
  void aTamperedNonceOrKeyVersionDoesNotReveal() throws SQLException {
    CardToken a = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));
    CardToken b = t.cards.tokenize(new CardDetails(AMEX, 12, 2030, null));
    update(a.token(), "nonce", Base64.getEncoder().encodeToString(new byte[12]));
    update(b.token(), "key_version", 7);

    assertThat(t.detokenizer.reveal(a.token())).isEmpty();
    assertThat(t.detokenizer.reveal(b.token())).isEmpty();
  }

  @Test
  void aCiphertextMovedToAnotherTokensRowDoesNotReveal() throws SQLException {
    CardToken victim = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));
    CardToken thief = t.cards.tokenize(new CardDetails(AMEX, 12, 2030, null));
    update(thief.token(), "nonce", column(victim.token(), "nonce"));
    update(thief.token(), "ciphertext", column(victim.token(), "ciphertext"));

    assertThat(t.detokenizer.reveal(thief.token())).isEmpty();
    assertThat(t.detokenizer.reveal(victim.token()).orElseThrow().number()).isEqualTo(VISA);
  }

  @Test
  void rotationReencryptsEveryCardUnderTheNewKey() throws SQLException {
    List<CardToken> tokens = new ArrayList<>();
    for (int i = 0; i < KeyRotation.BATCH + 7; i++) {
      tokens.add(t.cards.tokenize(new CardDetails(i % 2 == 0 ? VISA : AMEX, 12, 2030, null)));
    }
    String before = column(tokens.get(0).token(), "ciphertext");

    Rotation rotation = t.cards.rotateKey();

    assertThat(rotation).isEqualTo(new Rotation(2, KeyRotation.BATCH + 7));
    assertThat(keyVersions()).containsExactly(2);
    assertThat(column(tokens.get(0).token(), "ciphertext")).isNotEqualTo(before);
    for (int i = 0; i < tokens.size(); i++) {
      assertThat(t.detokenizer.reveal(tokens.get(i).token()).orElseThrow().number())
          .isEqualTo(i % 2 == 0 ? VISA : AMEX);
    }
    CardToken fresh = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));
    assertThat(column(fresh.token(), "key_version")).isEqualTo("2");
  }

  @Test
  void rotationSkipsAnUnreadableCardAndAnInterruptedOneIsFinishedByTheNext() throws SQLException {
    CardToken good = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));
    CardToken broken = t.cards.tokenize(new CardDetails(AMEX, 12, 2030, null));
    update(broken.token(), "ciphertext", Base64.getEncoder().encodeToString(new byte[31]));
    // as if a rotation to v2 had stopped after its key was written, before any card moved
    t.vault.keys().rotate();

    Rotation rotation = t.cards.rotateKey();

    assertThat(rotation).isEqualTo(new Rotation(3, 1));
    assertThat(column(good.token(), "key_version")).isEqualTo("3");
    assertThat(column(broken.token(), "key_version")).isEqualTo("1");
    assertThat(t.detokenizer.reveal(good.token()).orElseThrow().number()).isEqualTo(VISA);
  }

  @Test
  void aReopenedVaultReadsItsKeysFromDisk() {
    CardToken v1 = t.cards.tokenize(new CardDetails(VISA, 12, 2030, null));
    t.cards.rotateKey();
    CardToken v2 = t.cards.tokenize(new CardDetails(AMEX, 12, 2030, null));

    t.reopen();

    assertThat(t.vault.keys().current().version()).isEqualTo(2);
    assertThat(t.detokenizer.reveal(v1.token()).orElseThrow().number()).isEqualTo(VISA);
    assertThat(t.detokenizer.reveal(v2.token()).orElseThrow().number()).isEqualTo(AMEX);
  }

  @Test
  void securityCodesDoNotSurviveARestart() {
    CardToken token = t.cards.tokenize(new CardDetails(VISA, 12, 2030, "123"));

    t.reopen();

    assertThat(t.detokenizer.reveal(token.token()).orElseThrow().cvc()).isNull();
  }

  private List<List<Object>> rows() throws SQLException {
    try (Connection c = t.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM vault_card")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private List<String> columns() throws SQLException {
    try (Connection c = t.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM vault_card")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i).toUpperCase(Locale.ROOT));
      }
      return names;
    }
  }

  private Set<Integer> keyVersions() throws SQLException {
    try (Connection c = t.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT key_version FROM vault_card")) {
      Set<Integer> versions = new HashSet<>();
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
      return versions;
    }
  }

  private String column(String token, String column) throws SQLException {
    try (Connection c = t.database.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + column + " FROM vault_card WHERE token = ?")) {
      ps.setString(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private void update(String token, String column, Object value) throws SQLException {
    try (Connection c = t.database.connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE vault_card SET " + column + " = ? WHERE token = ?")) {
      ps.setObject(1, value);
      ps.setString(2, token);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
