package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hanse.oms.core.inventory.BatchStock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real PostgreSQL: a statement the pool prepared while its table was small still uses the
 * table's index once the table has grown. Without statistics (a new database, or autovacuum off)
 * nothing replaces a generic plan PostgreSQL made for a small table, so a look-up by key stays a
 * sequential scan for the life of the connection; the server's connections therefore plan every
 * execution ({@link DataSourceProvisioner.Settings#tuned}).
 */
class PostgresPlanCacheTest {
  private static final String ADMIN_URL =
      System.getProperty("hanse.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = System.getProperty("user.name");

  private final String schema = "plan_test_" + Long.toHexString(System.nanoTime());

  @BeforeEach
  void createSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
      s.execute(
          "create table "
              + schema
              + ".lookup (idem_key varchar(200) not null, principal varchar(100) not null,"
              + " order_id varchar(36) not null, primary key (idem_key, principal))"
              // no statistics during the test: an ANALYZE would replace the generic plan
              + " with (autovacuum_enabled = false)");
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute("drop schema " + schema + " cascade");
    }
  }

  @Test
  void theServersConnectionsPlanEachExecution() throws SQLException {
    try (Connection c = serverConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show plan_cache_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
      assertThat(setting(s, "random_page_cost")).isEqualTo("1.1");
    }
  }

  @Test
  void aBatchsStockUpdateFindsItsRowsByKeyInASmallCatalog() throws SQLException {
    try (Connection c = serverConnection();
        Statement s = c.createStatement()) {
      s.execute("set search_path = " + schema);
      s.execute(
          "create table oms_stock_level (sku varchar(64) not null, location varchar(64) not null,"
              + " on_hand int not null, reserved int not null, updated_at timestamp,"
              + " primary key (sku, location))");
      // 2,000 SKUs at three locations: 70 pages, which PostgreSQL's default costs scan whole
      s.execute(
          "insert into oms_stock_level select 'SKU-' || g, l, 100, 0, now()"
              + " from generate_series(1, 2000) g, unnest(array['WH1', 'WH2', 'STORE']) l");
      s.execute("analyze oms_stock_level");
      List<String> plan = new ArrayList<>();
      try (PreparedStatement explain =
          c.prepareStatement("explain " + BatchStock.RESERVE_FROM_ARRAYS)) {
        String[] skus = new String[36];
        String[] locations = new String[36];
        Integer[] quantities = new Integer[36];
        for (int i = 0; i < 36; i++) {
          skus[i] = "SKU-" + (i * 53 + 1);
          locations[i] = "WH1";
          quantities[i] = 1;
        }
        explain.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
        explain.setArray(2, c.createArrayOf("varchar", skus));
        explain.setArray(3, c.createArrayOf("varchar", locations));
        explain.setArray(4, c.createArrayOf("int4", quantities));
        try (ResultSet rs = explain.executeQuery()) {
          while (rs.next()) {
            plan.add(rs.getString(1));
          }
        }
      }
      assertThat(String.join("\n", plan)).contains("Index Scan").doesNotContain("Seq Scan");
    }
  }

  @Test
  void optionsOfTheUrlAreKeptBesideTheSetting() throws SQLException {
    String url =
        ADMIN_URL + (ADMIN_URL.contains("?") ? "&" : "?") + "options=-c%20statement_timeout%3D5min";
    try (Connection c = DriverManager.getConnection(tuned(url), USER, "");
        Statement s = c.createStatement()) {
      assertThat(setting(s, "statement_timeout")).isEqualTo("5min");
      assertThat(setting(s, "plan_cache_mode")).isEqualTo("force_custom_plan");
    }
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aLookUpPreparedOnASmallTableUsesTheIndexOnceTheTableHasGrown() throws SQLException {
    assertThat(planAfterGrowth(serverConnection())).contains("Index").doesNotContain("Seq Scan");
  }

  @Test
  void withoutTheSettingPostgresqlKeepsTheSmallTablesPlan() throws SQLException {
    // the trap the setting avoids, shown on a plain connection: if PostgreSQL ever stops falling
    // into it, the setting may go
    Connection plain = DriverManager.getConnection(ADMIN_URL, USER, "");
    try (Statement s = plain.createStatement();
        ResultSet rs = s.executeQuery("show plan_cache_mode")) {
      rs.next();
      assumeTrue(
          rs.getString(1).equals("auto"), "plan_cache_mode is set for this role or database");
    }
    assertThat(planAfterGrowth(plain)).contains("Seq Scan");
  }

  /**
   * Prepares the look-up while the table holds ten rows, runs it past PostgreSQL's five custom
   * plans, grows the table to 20,000 rows and returns the plan the prepared statement now runs.
   */
  private String planAfterGrowth(Connection connection) throws SQLException {
    try (Connection c = connection;
        Statement s = c.createStatement()) {
      s.execute("set search_path = " + schema);
      s.execute(
          "insert into lookup select md5(g::text), 'channel', 'o' || g"
              + " from generate_series(1, 10) g");
      s.execute(
          "prepare lookup_keys(text, text, text) as select order_id from lookup"
              + " where idem_key in ($1, $2) and principal in ($3)");
      for (int i = 0; i < 10; i++) {
        s.execute("execute lookup_keys('a" + i + "', 'b" + i + "', 'channel')");
      }
      s.execute(
          "insert into lookup select md5(g::text), 'channel', 'o' || g"
              + " from generate_series(11, 20000) g");
      List<String> plan = new ArrayList<>();
      try (PreparedStatement explain =
              c.prepareStatement("explain execute lookup_keys('x', 'y', 'channel')");
          ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      return String.join("\n", plan);
    }
  }

  private static Connection serverConnection() throws SQLException {
    return DriverManager.getConnection(tuned(ADMIN_URL), USER, "");
  }

  private static String tuned(String url) {
    return DataSourceProvisioner.Settings.tuned(
        url, true, DataSourceProvisioner.Settings.RANDOM_PAGE_COST);
  }
}
