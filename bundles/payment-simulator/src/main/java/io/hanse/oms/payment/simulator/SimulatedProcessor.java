package io.hanse.oms.payment.simulator;

import io.hanse.oms.api.payment.GatewayResult;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The processor's books, in memory: what each authorization holds, took and gave back, and the
 * first answer to every idempotency key, so that a retry gets that answer and never acts twice.
 * Lost on restart, like a sandbox reset.
 */
final class SimulatedProcessor {
  private final Map<String, GatewayResult> answers = new ConcurrentHashMap<>();
  private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();

  /** What one authorization holds. */
  static final class Authorization {
    final BigDecimal authorized;
    BigDecimal captured = BigDecimal.ZERO;
    BigDecimal refunded = BigDecimal.ZERO;
    boolean closed;

    Authorization(BigDecimal authorized) {
      this.authorized = authorized;
    }
  }

  /** The first answer to {@code key}, computing it once. */
  GatewayResult once(String key, Supplier<GatewayResult> act) {
    return answers.computeIfAbsent(key, k -> act.get());
  }

  boolean answered(String key) {
    return answers.containsKey(key);
  }

  String authorize(BigDecimal amount) {
    String reference = "sim_" + UUID.randomUUID().toString().replace("-", "");
    authorizations.put(reference, new Authorization(amount));
    return reference;
  }

  Authorization find(String reference) {
    return reference == null ? null : authorizations.get(reference);
  }
}
