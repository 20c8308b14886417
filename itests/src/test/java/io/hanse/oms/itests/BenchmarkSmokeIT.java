package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.benchmarks.Benchmark;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark still runs: a tiny catalog and two clients for two seconds. It checks that the
 * benchmark works and that what it reports ties out, not how fast anything is.
 */
class BenchmarkSmokeIT {

  @Test
  @SuppressWarnings("unchecked")
  void theBenchmarkRunsAndItsOrdersAreSound() throws Exception {
    String url = HanseServer.get().api("").toString();
    Map<String, Object> report =
        Benchmark.run(null, url, HanseServer.get().database(), 2, 0.5, 2, 20, 2, 50, 0, 0.5);

    assertThat((Long) report.get("acceptedOrders")).isPositive();
    assertThat(report.get("errors")).isEqualTo(0L);
    Map<String, Object> latency = (Map<String, Object>) report.get("latencyMs");
    assertThat((Long) latency.get("count")).isEqualTo(report.get("acceptedOrders"));
    Map<String, Object> verification = (Map<String, Object>) report.get("verification");
    assertThat(verification.get("sampledFullyReserved"))
        .isEqualTo(verification.get("sampledOrders"));
    assertThat(((Map<String, Object>) report.get("machine")).get("cores")).isNotNull();
    // lookups: every measured one in exactly one kind, as many warm-up requests as measured ones
    // (none at all in the rare run that sampled no order)
    long lookups = (Long) ((Map<String, Object>) report.get("lookupLatencyMs")).get("count");
    Map<String, Map<String, Object>> kinds =
        (Map<String, Map<String, Object>>) report.get("lookupLatencyMsByKind");
    assertThat(kinds.keySet()).isSubsetOf("byId", "byCustomer");
    assertThat(kinds.values().stream().mapToLong(k -> (Long) k.get("count")).sum())
        .isEqualTo(lookups);
    assertThat(((Map<String, Object>) report.get("lookupWarmupLatencyMs")).get("count"))
        .isEqualTo(lookups);
  }
}
