package io.hanse.oms.shell;

import io.hanse.oms.api.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How values look in command output. */
final class Format {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private Format() {}

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  static String money(Money money) {
    return money == null ? "" : money.amount().toPlainString() + " " + money.currency();
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
