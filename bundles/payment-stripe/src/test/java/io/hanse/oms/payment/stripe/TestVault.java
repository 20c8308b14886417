package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.CardToken;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A vault holding one card that, like the real one, hands out its security code once. */
final class TestVault implements CardDetokenizer {
  static final String TOKEN = "tok_test_4242";
  static final String NUMBER = "4242424242424242";
  static final String CVC = "314";

  private final Map<String, Boolean> cvcGiven = new ConcurrentHashMap<>();
  final AtomicInteger reveals = new AtomicInteger();

  @Override
  public Optional<CardSecret> reveal(String token) {
    reveals.incrementAndGet();
    if (!TOKEN.equals(token)) {
      return Optional.empty();
    }
    boolean first = cvcGiven.putIfAbsent(token, true) == null;
    CardToken card = new CardToken(TOKEN, "visa", "4242", 12, 2034);
    return Optional.of(new CardSecret(card, NUMBER, first ? CVC : null));
  }
}
