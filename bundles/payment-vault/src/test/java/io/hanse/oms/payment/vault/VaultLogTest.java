package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the vault logs, at every level, in every path a card takes: never a card. */
class VaultLogTest {
  private static final String VISA = "4000056655665556";
  private static final String AMEX = "371449635398431";
  private static final String VISA_CVC = "739";
  private static final String AMEX_CVC = "8461";

  @TempDir Path folder;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  @Test
  void noCardNumberOrSecurityCodeIsEverLogged() throws SQLException {
    try (TestVault t = new TestVault(folder)) {
      CardToken visa = t.cards.tokenize(new CardDetails(VISA, 12, 2030, VISA_CVC));
      CardToken amex = t.cards.tokenize(new CardDetails(AMEX, 12, 2030, AMEX_CVC));
      assertThatThrownBy(() -> t.cards.tokenize(new CardDetails(VISA + "1", 12, 2030, "73")))
          .isInstanceOf(ValidationException.class);
      t.detokenizer.reveal(visa.token());
      t.detokenizer.reveal(visa.token());
      try (Connection c = t.database.connect();
          PreparedStatement ps =
              c.prepareStatement("UPDATE vault_card SET ciphertext = ? WHERE token = ?")) {
        ps.setString(1, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        ps.setString(2, amex.token());
        ps.executeUpdate();
      }
      t.detokenizer.reveal(amex.token());
      t.cards.rotateKey();
      assertThatThrownBy(
              () ->
                  new CardDetokenizerImpl(
                      t.vault, Fakes.usedBy(Fakes.bundle("com.example.spy", Map.of()))))
          .isNotNull();
      t.reopen();
      t.detokenizer.reveal(visa.token());
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    assertThat(log)
        .as("the log was captured")
        .contains("revealed to " + TestVault.GATEWAY)
        .contains("cannot be decrypted")
        .contains("refused to bundle com.example.spy")
        .contains("rotated to v2");
    for (String secret :
        new String[] {VISA, AMEX, VISA.substring(0, 6), AMEX.substring(0, 6), VISA_CVC, AMEX_CVC}) {
      assertThat(standingAlone(secret).matcher(log).find()).as("%s in the log", secret).isFalse();
    }
    assertThat(log).doesNotContain(TestVault.PASSWORD);
  }

  /**
   * The digits as a number of their own: not inside the random digits of a temporary folder, a
   * token or Liquibase's deployment id (a three-digit code is found there now and then).
   */
  private static Pattern standingAlone(String digits) {
    return Pattern.compile("(?<![0-9A-Za-z])" + digits + "(?![0-9A-Za-z])");
  }
}
