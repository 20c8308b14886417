package io.hanse.oms.payment.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Security codes, in memory only (PCI DSS forbids storing them after authorization, encrypted or
 * not): each is held for a limited time and handed out at most once.
 */
final class CvcHolder {
  private record Held(String cvc, Instant expires) {
    @Override
    public String toString() {
      return "Held[redacted]";
    }
  }

  private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  CvcHolder(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  void put(String token, String cvc) {
    held.put(token, new Held(cvc, clock.instant().plus(ttl)));
  }

  /** The code of {@code token}, removed; null if there is none or it has expired. */
  String take(String token) {
    Held h = held.remove(token);
    return h == null || !clock.instant().isBefore(h.expires()) ? null : h.cvc();
  }

  /** Drops the expired codes; returns how many. */
  int sweep() {
    Instant now = clock.instant();
    int dropped = 0;
    for (var e : held.entrySet()) {
      if (!now.isBefore(e.getValue().expires()) && held.remove(e.getKey(), e.getValue())) {
        dropped++;
      }
    }
    return dropped;
  }

  int size() {
    return held.size();
  }

  void clear() {
    held.clear();
  }
}
