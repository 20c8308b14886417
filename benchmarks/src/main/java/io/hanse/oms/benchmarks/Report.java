package io.hanse.oms.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Writes a run's figures as JSON and as a short markdown table, with the machine it ran on. */
final class Report {
  private Report() {}

  static Map<String, Object> percentiles(Histogram micros) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("count", micros.getTotalCount());
    for (double q : new double[] {50, 95, 99, 99.9}) {
      p.put(
          "p" + (q == Math.floor(q) ? String.valueOf((int) q) : String.valueOf(q)),
          Benchmark.round(micros.getValueAtPercentile(q) / 1000.0));
    }
    p.put("max", Benchmark.round(micros.getMaxValue() / 1000.0));
    return p;
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try {
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
      Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal"))
          .findFirst()
          .ifPresent(l -> m.put("memory", l.substring(l.indexOf(':') + 1).trim()));
    } catch (IOException notLinux) {
      // leave it out
    }
    return m;
  }

  static Path write(Path dir, Map<String, Object> report) throws IOException {
    Files.createDirectories(dir);
    String stem =
        report.get("time").toString().replace(':', '-').substring(0, 19)
            + "-"
            + report.get("database");
    Path json = dir.resolve(stem + ".json");
    Rest.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
    Files.writeString(dir.resolve(stem + ".md"), markdown(report));
    return json;
  }

  @SuppressWarnings("unchecked")
  private static String toChannel(Map<String, Object> r) {
    Map<String, Object> c = (Map<String, Object>) r.get("stockToChannelMs");
    if (c == null) {
      return "not measured";
    }
    return pair((Map<String, Object>) c.get("underLoad"))
        + "; "
        + pair((Map<String, Object>) c.get("idle"));
  }

  private static String pair(Map<String, Object> p) {
    return p == null ? "-" : p.get("p50") + " / " + p.get("p99");
  }

  /** A row for the database's settings, when the run read them (PostgreSQL). */
  private static String settings(Map<String, Object> r) {
    return r.get("databaseSettings") instanceof Map<?, ?> m && !m.isEmpty()
        ? "\n| PostgreSQL settings | " + m + " |"
        : "";
  }

  /** " (p99 byId 1.2, byCustomer 3.4, ...)": each kind's p99, so a tail shows where it sits. */
  private static String lookupKinds(Object byKind) {
    if (!(byKind instanceof Map<?, ?> kinds) || kinds.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" (p99 ");
    kinds.forEach(
        (kind, p) -> {
          if (s.length() > 6) {
            s.append(", ");
          }
          s.append(kind).append(' ').append(((Map<?, ?>) p).get("p99"));
        });
    return s.append(')').toString();
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    Map<String, Object> lat = (Map<String, Object>) r.get("latencyMs");
    Map<String, Object> look = (Map<String, Object>) r.get("lookupLatencyMs");
    Map<String, Object> machine = (Map<String, Object>) r.get("machine");
    return String.join(
        "\n",
        "| "
            + r.get("database")
            + ", "
            + r.get("clients")
            + " clients, "
            + r.get("measuredSeconds")
            + " s"
            + (r.get("cardShare") instanceof Double share && share > 0
                ? ", " + Math.round(share * 100) + " % paid by card"
                : "")
            + " | |",
        "|---|---|",
        "| orders/s | " + r.get("ordersPerSecond") + " |",
        "| accepted / errors | " + r.get("acceptedOrders") + " / " + r.get("errors") + " |",
        "| latency p50 / p95 / p99 ms | "
            + lat.get("p50")
            + " / "
            + lat.get("p95")
            + " / "
            + lat.get("p99")
            + " |",
        "| lookup p50 / p99 ms | "
            + look.get("p50")
            + " / "
            + look.get("p99")
            + lookupKinds(r.get("lookupLatencyMsByKind"))
            + (r.get("lookupWarmupLatencyMs") instanceof Map<?, ?> w
                ? "; warm-up rounds p99 " + w.get("p99")
                : "")
            + " |",
        "| server CPU (cores) / driver CPU (/ database) | "
            + r.get("serverCpuCores")
            + " / "
            + r.get("driverCpuCores")
            + (r.get("databaseCpuCores") == null
                ? ""
                : " / PostgreSQL " + r.get("databaseCpuCores"))
            + " |"
            + settings(r),
        "| server heap most used / live after GC MiB | "
            + r.get("serverHeapMaxMiB")
            + " / "
            + r.get("serverHeapLiveMiB")
            + " |",
        "| cold start / restart s | "
            + r.get("coldStartSeconds")
            + " / "
            + r.get("restartSeconds")
            + " |",
        "| stock change to channel p50 / p99 ms (under load; idle) | " + toChannel(r) + " |",
        "| statuses | " + r.get("statuses") + " |",
        "| verification | " + r.get("verification") + " |",
        "| machine | "
            + machine.get("cores")
            + " cores, "
            + machine.getOrDefault("cpu", "?")
            + ", "
            + machine.getOrDefault("memory", "?")
            + ", "
            + machine.get("java")
            + " |",
        "");
  }
}
