package io.hanse.oms.payment.simulator;

import java.util.Map;

/**
 * The simulator's test cards, after the numbers card processors publish for their sandboxes. Any
 * other valid card is approved.
 */
enum TestCards {
  APPROVE,
  DECLINE,
  INSUFFICIENT_FUNDS,
  EXPIRED,
  /** Approved at the processor, but the answer never arrives: the first attempt times out. */
  TIMEOUT;

  private static final Map<String, TestCards> BY_NUMBER =
      Map.of(
          "4000000000000002", DECLINE,
          "4000000000009995", INSUFFICIENT_FUNDS,
          "4000000000000069", EXPIRED,
          "4000000000000119", TIMEOUT);

  static TestCards of(String number) {
    return BY_NUMBER.getOrDefault(number, APPROVE);
  }
}
