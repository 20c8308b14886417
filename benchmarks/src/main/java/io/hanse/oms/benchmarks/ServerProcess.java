package io.hanse.oms.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A fresh copy of the assembled server, started as an operator would ({@code bin/start}), on its
 * own ports, with embedded Derby or a new PostgreSQL database.
 */
public final class ServerProcess implements AutoCloseable {
  static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private final Path home;
  private final int httpPort;
  private final int rmiRegistryPort;
  private final int rmiServerPort;
  private final String databaseUrl;
  private ProcessHandle karaf;
  private JMXConnector jmx;
  double coldStartSeconds;
  double restartSeconds;

  private ServerProcess(Path home, int httpPort, String databaseUrl) {
    this.home = home;
    this.httpPort = httpPort;
    this.rmiRegistryPort = httpPort + 1000;
    this.rmiServerPort = httpPort + 2000;
    this.databaseUrl = databaseUrl;
  }

  /** Something to do to the server's files before it starts. */
  interface Preparation {
    void prepare(Path home) throws IOException;
  }

  static ServerProcess start(Path assembly, Path workDir, String db, int httpPort)
      throws Exception {
    return start(assembly, workDir, db, httpPort, home -> {});
  }

  static ServerProcess start(
      Path assembly, Path workDir, String db, int httpPort, Preparation preparation)
      throws Exception {
    Path home = workDir.resolve("server-" + db);
    deleteTree(home);
    copyTree(assembly, home);
    String databaseUrl = db.equals("postgres") ? createPostgresDatabase() : null;
    ServerProcess server = new ServerProcess(home, httpPort, databaseUrl);
    server.configure();
    preparation.prepare(home);
    server.coldStartSeconds = server.launch();
    return server;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + httpPort + "/api/v1";
  }

  String databaseUrl() {
    return databaseUrl;
  }

  private void configure() throws IOException {
    setProperty(
        "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
    setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(httpPort + 3000));
    setProperty(
        "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(rmiRegistryPort));
    setProperty(
        "etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(rmiServerPort));
  }

  /**
   * Applies {@code --server-config}: comma-separated {@code pid:key=value} settings, each written
   * to {@code etc/<pid>.cfg} of the server about to start.
   */
  static void configure(Path home, String settings) throws IOException {
    for (String setting : settings.split(",")) {
      if (setting.isBlank()) {
        continue;
      }
      int colon = setting.indexOf(':');
      int equals = setting.indexOf('=', colon + 1);
      if (colon <= 0 || equals <= colon + 1) {
        throw new IllegalArgumentException("--server-config wants pid:key=value, not " + setting);
      }
      setProperty(
          home,
          "etc/" + setting.substring(0, colon).trim() + ".cfg",
          setting.substring(colon + 1, equals).trim(),
          setting.substring(equals + 1).trim());
    }
  }

  private void setProperty(String file, String key, String value) throws IOException {
    setProperty(home, file, key, value);
  }

  private static void setProperty(Path home, String file, String key, String value)
      throws IOException {
    Path cfg = home.resolve(file);
    List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg) : new ArrayList<>();
    lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
    lines.add(key + " = " + value);
    Files.write(cfg, lines);
  }

  /**
   * Stops the server as an operator does ({@code bin/stop}) and starts it again on the same data: a
   * cold JVM, but the bundles installed and the schema in place.
   */
  double restart() throws Exception {
    if (jmx != null) {
      jmx.close();
      jmx = null;
    }
    new ProcessBuilder(home.resolve("bin/stop").toString()).inheritIO().start().waitFor();
    karaf.onExit().get(120, TimeUnit.SECONDS);
    restartSeconds = launch();
    return restartSeconds;
  }

  /** Starts {@code bin/start} and waits for the health check: seconds until it answers. */
  private double launch() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/start").toString()).inheritIO();
    Map<String, String> env = pb.environment();
    if (databaseUrl != null) {
      env.put("HANSE_DB_URL", databaseUrl);
      env.put("HANSE_DB_USER", System.getProperty("user.name"));
    }
    long begin = System.nanoTime();
    pb.start().waitFor();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (true) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() - begin > 180e9) {
        throw new IllegalStateException(
            "server did not answer within 180 s; see " + home.resolve("data/log/karaf.log"));
      }
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    String marker = "karaf.home=" + home.toAbsolutePath();
    karaf =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Karaf JVM found for " + home));
    return seconds;
  }

  /** CPU time the server's JVM has used so far. */
  Duration cpu() {
    return karaf.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Heap in use now, in bytes, read over Karaf's JMX connector. */
  long heapUsed() throws IOException {
    return memory().getHeapMemoryUsage().getUsed();
  }

  /** Heap still in use after a full collection: what the server really holds. */
  long liveHeap() throws IOException {
    MemoryMXBean memory = memory();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @SuppressWarnings("BanJNDI") // our own server's JMX on localhost, which the benchmark started
  private MemoryMXBean memory() throws IOException {
    if (jmx == null) {
      JMXServiceURL url =
          new JMXServiceURL(
              "service:jmx:rmi://127.0.0.1:"
                  + rmiServerPort
                  + "/jndi/rmi://127.0.0.1:"
                  + rmiRegistryPort
                  + "/karaf-root");
      Map<String, Object> env = new HashMap<>();
      env.put(JMXConnector.CREDENTIALS, new String[] {"admin", "admin"});
      jmx = JMXConnectorFactory.connect(url, env);
    }
    return ManagementFactory.newPlatformMXBeanProxy(
        jmx.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
  }

  @Override
  public void close() throws Exception {
    if (jmx != null) {
      jmx.close();
    }
    new ProcessBuilder(home.resolve("bin/stop").toString()).inheritIO().start().waitFor();
    if (karaf != null) {
      karaf.onExit().get(60, TimeUnit.SECONDS);
    }
    if (databaseUrl != null) {
      try (Connection c =
          DriverManager.getConnection(PG_ADMIN_URL, System.getProperty("user.name"), "")) {
        c.createStatement()
            .execute(
                "DROP DATABASE IF EXISTS "
                    + databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1)
                    + " WITH (FORCE)");
      }
    }
  }

  private static String createPostgresDatabase() throws SQLException {
    String name = "hanse_bench_" + System.currentTimeMillis();
    try (Connection c =
        DriverManager.getConnection(PG_ADMIN_URL, System.getProperty("user.name"), "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + name;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.startsWith(from.resolve("data"))) {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
