package io.hanse.oms.payment.simulator;

import java.util.Map;

/**
 * The simulator's test cards, after the numbers card processors publish for their sandboxes. Any
 * other card is declined: a real card must never look paid because the demo's processor is on.
 */
enum TestCards {
  APPROVE,
  NOT_A_TEST_CARD,
  DECLINE,
  INSUFFICIENT_FUNDS,
  EXPIRED,
  /** Approved at the processor, but the answer never arrives: the first attempt times out. */
  TIMEOUT;

  private static final Map<String, TestCards> BY_NUMBER =
      Map.of(
          "4242424242424242", APPROVE,
          "5555555555554444", APPROVE,
          "378282246310005", APPROVE,
          "6011111111111117", APPROVE,
          "4000000000000002", DECLINE,
          "4000000000009995", INSUFFICIENT_FUNDS,
          "4000000000000069", EXPIRED,
          "4000000000000119", TIMEOUT);

  static TestCards of(String number) {
    return BY_NUMBER.getOrDefault(number, NOT_A_TEST_CARD);
  }
}
