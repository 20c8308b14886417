package io.hanse.oms.payment.offline;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The clock whose calendar dates invoices: the configured zone's, else the server's. */
final class AccountClock {
  private AccountClock() {}

  /**
   * @throws IllegalArgumentException for a zone Java does not know, so the component does not start
   *     with a wrong calendar
   */
  static Clock of(AccountConfig config) {
    String zone = config.timeZone() == null ? "" : config.timeZone().trim();
    try {
      return Clock.system(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          AccountConfig.PID + ": timeZone " + zone + " is not a time zone", e);
    }
  }
}
