package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After card payments through the vault, orders, shipments, refunds and refused requests, no card
 * number and no security code is anywhere the server keeps data: its database (every table), its
 * logs, its data folder and configuration. Card numbers are looked for as the ones used here and as
 * any Luhn-valid run of 15–19 digits that starts like a card.
 */
class CardDataScanIT {
  private static final List<String> CARDS =
      List.of("4242424242424242", "5555555555554444", "378282246310005", "4000000000000002");

  /** A security code unlikely to occur by chance next to the words that would carry it. */
  private static final String CVC = "917";

  /**
   * A run of digits that stands alone: not part of a hex string (hashes, ids) or a longer number.
   */
  private static final Pattern LONG_DIGITS =
      Pattern.compile("(?<![0-9a-fA-F])[3-6]\\d{14,18}(?![0-9a-fA-F])");

  private final Api admin = Api.admin();
  private final Api agent = Api.agent();

  @Test
  void noCardNumberOrSecurityCodeIsKeptAnywhere() throws Exception {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "catalog", "store");
    String sku = Fixtures.product(admin, "7.00", false);
    Fixtures.stock(admin, sku, location, 20);
    for (String number : CARDS) {
      String cvc = number.startsWith("3") ? CVC + "1" : CVC;
      Api.Reply card =
          agent.post(
              "/vault/cards",
              Map.of("number", number, "expMonth", 11, "expYear", 2032, "cvc", cvc));
      assertThat(card.status()).as(card.toString()).isEqualTo(201);
      Map<String, Object> order =
          Fixtures.order(
              "phone", Api.unique("scan").toLowerCase(Locale.ROOT) + "@example.com", sku, 1);
      order.put(
          "payments",
          List.of(Map.of("method", "card", "token", card.json().path("token").asText())));
      Api.Reply placed = agent.post("/orders", order);
      assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
      assertThat(placed.response().body()).doesNotContain(number);
      String id = placed.json().path("id").asText();
      if (placed.json().path("status").asText().equals("CONFIRMED")) {
        admin.post(
            "/orders/" + id + "/shipments",
            Map.of(
                "carrier", "DHL",
                "trackingNumber", Api.unique("T"),
                "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        admin
            .with("Idempotency-Key", Api.unique("scan"))
            .post("/payments/refunds", Map.of("orderId", id, "amount", "2.00"));
      }
    }
    // refused requests that carry a card number in the wrong place
    agent.post(
        "/vault/cards", Map.of("number", "4242424242424241", "expMonth", 1, "expYear", 2030));
    agent.post("/vault/cards", Map.of("number", "x", "expMonth", CARDS.get(1), "expYear", 2030));
    agent.post("/vault/cards", "{\"number\":\"" + CARDS.get(0) + "\",\"expMonth\":");
    agent.post(
        "/orders",
        Map.of(
            "channel",
            "phone",
            "payments",
            List.of(Map.of("method", "card", "token", CARDS.get(0)))));

    List<String> found = new ArrayList<>();
    HanseServer server = HanseServer.get();
    try (Stream<Path> files = Files.walk(server.home())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().contains("/system/") || f.toString().endsWith(".jar")) {
          continue; // the distribution's own artifacts
        }
        scan(f.toString(), read(f), found);
      }
    }
    if (server.jdbcUrl() != null) {
      scanDatabase(server.jdbcUrl(), found);
    }
    assertThat(found).as("card data found").isEmpty();
  }

  private static String read(Path f) throws IOException {
    // ISO-8859-1 keeps every byte as one character, so digits in binary files are seen too
    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
  }

  private static void scan(String where, String text, List<String> found) {
    for (String number : CARDS) {
      if (text.contains(number)) {
        found.add(where + ": card number " + number.substring(number.length() - 4));
      }
    }
    Matcher m = LONG_DIGITS.matcher(text);
    while (m.find()) {
      if (luhn(m.group())) {
        found.add(
            where + ": Luhn-valid digits ending " + m.group().substring(m.group().length() - 4));
      }
    }
    for (String marker :
        List.of("\"cvc\":\"" + CVC, "cvc=" + CVC, "cvc\":" + CVC, "card[cvc]=" + CVC)) {
      if (text.contains(marker)) {
        found.add(where + ": a security code");
      }
    }
  }

  private static void scanDatabase(String url, List<String> found) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, System.getProperty("user.name"), "");
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      assertThat(tables).contains("vault_card", "oms_payment", "oms_outbox");
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("select t::text from \"" + table + "\" t")) {
          while (r.next()) {
            scan("table " + table, r.getString(1), found);
          }
        }
      }
    }
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
