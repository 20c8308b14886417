package io.hanse.oms.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Fills a PostgreSQL database with order history straight through SQL, since a million orders over
 * REST would take an hour: customers, closed orders spread over the past year, one line each. The
 * rows look like what the server writes, so lookups, searches and heap are measured at that size.
 */
final class Preload {
  private Preload() {}

  /** Preloaded order ids and customer emails, so lookups can sample them. */
  static String orderId(long n) {
    return "pre-o-" + n;
  }

  static String customerEmail(long n) {
    return "pre" + n + "@bench.example";
  }

  static void orders(String jdbcUrl, String user, int orders, int customers, String sku)
      throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into oms_customer (id, email, name, search_text, created_at, version)"
                  + " select 'pre-c-' || g, 'pre' || g || '@bench.example', 'Preloaded ' || g,"
                  + " 'pre' || g || '@bench.example preloaded ' || g, now(), 0"
                  + " from generate_series(1, ?) g")) {
        ps.setInt(1, customers);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into oms_order (id, channel, external_id, department, status, customer_id,"
                  + " customer_email, customer_name, total_amount, currency, placed_by, created_at,"
                  + " updated_at, version)"
                  + " select 'pre-o-' || g, 'web', 'pre-' || g, 'web', 'CLOSED',"
                  + " 'pre-c-' || (g % ? + 1), 'pre' || (g % ? + 1) || '@bench.example',"
                  + " 'Preloaded', 25.00, 'EUR', 'preload',"
                  + " now() - make_interval(secs => g * 31536000.0 / ?), now(), 0"
                  + " from generate_series(1, ?) g")) {
        ps.setInt(1, customers);
        ps.setInt(2, customers);
        ps.setInt(3, orders);
        ps.setInt(4, orders);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into oms_order_line (id, order_id, line_no, sku, name, quantity, unit_price,"
                  + " line_total, currency, personalization, reserved, backordered, shipped,"
                  + " cancelled)"
                  + " select 'pre-l-' || g, 'pre-o-' || g, 1, ?, 'Preloaded', 1, 25.00, 25.00,"
                  + " 'EUR', '{}', 0, 0, 1, 0 from generate_series(1, ?) g")) {
        ps.setString(1, sku);
        ps.setInt(2, orders);
        ps.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("vacuum analyze oms_customer");
        s.execute("vacuum analyze oms_order");
        s.execute("vacuum analyze oms_order_line");
      }
    }
  }
}
