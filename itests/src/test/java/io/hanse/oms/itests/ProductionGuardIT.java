package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With {@code hanse.production=true} the server refuses to run while a demo user can still log in
 * with its name as password, and runs once they are changed. Started from the assembled
 * distribution with {@code bin/start}, as an operator would.
 */
class ProductionGuardIT {
  private static final Path ASSEMBLY = Path.of("..", "karaf-distribution", "target", "assembly");

  @Test
  void productionRefusesTheDemoPasswords() throws Exception {
    assumeTrue("derby".equals(System.getProperty("hanse.it.db")), "one database is enough");
    Path home = copy("production-demo");
    production(home);
    start(home);

    ProcessHandle karaf =
        await().atMost(Duration.ofMinutes(1)).until(() -> karaf(home), Optional::isPresent).get();
    assertThat(
            karaf
                .onExit()
                .get(Duration.ofMinutes(2).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                .isAlive())
        .isFalse();
    assertThat(Files.readString(home.resolve("data/log/karaf.log")))
        .contains("Refusing to start in production: demo users [admin, agent, channel, manager]");
  }

  @Test
  void productionRunsOnceThePasswordsAreChanged() throws Exception {
    assumeTrue("derby".equals(System.getProperty("hanse.it.db")), "one database is enough");
    Path home = copy("production-changed");
    production(home);
    Files.writeString(
        home.resolve("etc/users.properties"),
        String.join(
            "\n",
            "admin = Adm1n-not-demo,_g_:admingroup",
            "manager = Mgr-not-demo,manager,ssh",
            "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
            ""));
    int http = start(home);
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/v1/health")).build();
      await()
          .atMost(Duration.ofMinutes(3))
          .ignoreExceptions()
          .until(
              () ->
                  client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
      Thread.sleep(3000); // the guard checks right after the core starts
      assertThat(karaf(home)).isPresent();
      assertThat(Files.readString(home.resolve("data/log/karaf.log"))).doesNotContain("Refusing");
    } finally {
      new ProcessBuilder(home.resolve("bin/stop").toString()).inheritIO().start().waitFor();
      karaf(home).ifPresent(p -> p.onExit().join());
    }
  }

  private static Path copy(String name) throws IOException {
    Path home =
        Path.of(System.getProperty("hanse.it.workdir", "target/exam"), name).toAbsolutePath();
    if (Files.exists(home)) {
      try (Stream<Path> old = Files.walk(home)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Stream<Path> paths = Files.walk(ASSEMBLY)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = home.resolve(ASSEMBLY.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.startsWith(ASSEMBLY.resolve("data"))) {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return home;
  }

  private static void production(Path home) throws IOException {
    Files.writeString(
        home.resolve("etc/system.properties"),
        "\nhanse.production = true\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** Starts the server on free ports; returns its HTTP port. */
  private static int start(Path home) throws Exception {
    int http = freePort();
    set(home, "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http);
    set(home, "etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
    set(home, "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
    set(home, "etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
    new ProcessBuilder(home.resolve("bin/start").toString()).inheritIO().start().waitFor();
    return http;
  }

  private static void set(Path home, String file, String key, int value) throws IOException {
    Path cfg = home.resolve(file);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(cfg));
    lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
    lines.add(key + " = " + value);
    Files.write(cfg, lines);
  }

  private static Optional<ProcessHandle> karaf(Path home) {
    String marker = "karaf.home=" + home;
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .findFirst();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
