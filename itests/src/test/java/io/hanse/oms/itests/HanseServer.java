package io.hanse.oms.itests;

import static org.awaitility.Awaitility.await;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.PaxExamRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled distribution, booted once per test run by Pax Exam (in server mode, so the tests
 * stay outside and use it over HTTP as any client would). {@code hanse.it.db=postgres} points it at
 * a fresh PostgreSQL database created for the run.
 */
public final class HanseServer {
  private static final Logger LOG = LoggerFactory.getLogger(HanseServer.class);
  private static HanseServer instance;
  private static String failure;

  private final TestContainer container;
  private final int httpPort;
  private final int sshPort;
  private final String database;

  private final File unpacked;
  private String jdbcUrl;
  private final Runnable cleanup;

  private HanseServer(
      TestContainer container,
      int httpPort,
      int sshPort,
      String database,
      File unpacked,
      Runnable cleanup) {
    this.container = container;
    this.httpPort = httpPort;
    this.sshPort = sshPort;
    this.database = database;
    this.unpacked = unpacked;
    this.cleanup = cleanup;
  }

  /** Stops the server and drops a database it created. */
  public void stop() {
    try {
      container.stop();
    } catch (RuntimeException e) {
      LOG.warn("Container did not stop cleanly: {}", e.toString());
    }
    cleanup.run();
  }

  /** The running server, started on first use and stopped when the test JVM exits. */
  public static synchronized HanseServer get() {
    if (failure != null) {
      throw new IllegalStateException("the server failed to start earlier: " + failure);
    }
    if (instance == null) {
      try {
        instance = start("shared", null);
      } catch (RuntimeException e) {
        failure = e.toString();
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    return instance;
  }

  public URI api(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + "/api/v1" + path);
  }

  /** A SOAP service's address, e.g. {@code soap("OrderService")}. */
  public URI soap(String service) {
    return URI.create("http://127.0.0.1:" + httpPort + "/soap/" + service);
  }

  /** The server's log so far, rolled-over files (karaf.log.2, karaf.log.1) first. */
  public String log() {
    java.nio.file.Path logs = home().resolve("data/log");
    StringBuilder text = new StringBuilder();
    try {
      for (int i = 9; i >= 1; i--) {
        java.nio.file.Path rolled = logs.resolve("karaf.log." + i);
        if (java.nio.file.Files.exists(rolled)) {
          text.append(java.nio.file.Files.readString(rolled));
        }
      }
      return text.append(java.nio.file.Files.readString(logs.resolve("karaf.log"))).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The running Karaf's folder: the one with the newest log (older runs may lie beside it). */
  public java.nio.file.Path home() {
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.walk(unpacked.toPath(), 4)) {
      return files
          .filter(p -> p.endsWith(java.nio.file.Path.of("data", "log", "karaf.log")))
          .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("no karaf.log under " + unpacked))
          .getParent()
          .getParent()
          .getParent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's etc/ folder, where operators drop configuration files. */
  public java.nio.file.Path etc() {
    return home().resolve("etc");
  }

  /** The port of the Karaf shell over SSH. */
  public int sshPort() {
    return sshPort;
  }

  /** The PostgreSQL database the server uses, or null when it runs on its embedded Derby. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** "derby" or "postgres". */
  public String database() {
    return database;
  }

  /**
   * Boots another server of its own, e.g. to kill it.
   *
   * @param name names its folder under the work directory
   * @param databaseUrl the database to use; the caller creates and drops it
   */
  public static HanseServer boot(String name, String databaseUrl) {
    return start(name, databaseUrl);
  }

  /** Kills the server's JVM as a power cut would: no shutdown, no flush. */
  public void kill() {
    String home = unpacked.getAbsolutePath();
    List<ProcessHandle> karaf =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
            .toList();
    if (karaf.isEmpty()) {
      throw new IllegalStateException("no Karaf process under " + home);
    }
    karaf.forEach(ProcessHandle::destroyForcibly);
    karaf.forEach(p -> p.onExit().join());
  }

  private static HanseServer start(String name, String givenDatabaseUrl) {
    String db = System.getProperty("hanse.it.db", "derby");
    File distribution = new File(System.getProperty("hanse.distribution"));
    File work = new File(System.getProperty("hanse.it.workdir", "target/exam"), name);
    int http = freePort();
    int ssh = freePort();
    List<Option> options = new ArrayList<>();
    options.add(
        karafDistributionConfiguration()
            .frameworkUrl(distribution.toURI().toString())
            .name("Hanse OMS")
            .unpackDirectory(work)
            .useDeployFolder(false));
    options.add(configureConsole().ignoreLocalConsole());
    options.add(keepRuntimeFolder()); // its data/log/karaf.log explains a failed run
    options.add(logLevel(LogLevel.INFO));
    options.add(
        editConfigurationFilePut(
            "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)));
    options.add(
        editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ssh)));
    // operators with the ssh role and an OMS role, for the shell's ACL tests
    options.add(
        editConfigurationFilePut("etc/users.properties", "shellagent", "shellagent,agent,ssh"));
    options.add(
        editConfigurationFilePut(
            "etc/users.properties", "shellmanager", "shellmanager,manager,ssh"));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())));
    String databaseUrl = givenDatabaseUrl;
    Runnable cleanup = () -> {};
    if (databaseUrl == null && db.equals("postgres")) {
      String adminUrl = System.getProperty("hanse.it.postgres.url");
      String url = createPostgresDatabase(adminUrl);
      cleanup = () -> dropPostgresDatabase(adminUrl, url.substring(url.lastIndexOf('/') + 1));
      databaseUrl = url;
    }
    if (databaseUrl != null) {
      options.add(editConfigurationFilePut("etc/io.hanse.oms.db.cfg", "url", databaseUrl));
      if (databaseUrl.startsWith("jdbc:postgresql:")) {
        options.add(
            editConfigurationFilePut(
                "etc/io.hanse.oms.db.cfg", "user", System.getProperty("user.name")));
      }
    }
    options.add(java17Options());
    try {
      ExamSystem system = PaxExamRuntime.createServerSystem(options.toArray(new Option[0]));
      TestContainer container = PaxExamRuntime.createContainer(system);
      long begin = System.nanoTime();
      container.start();
      HanseServer server = new HanseServer(container, http, ssh, db, work, cleanup);
      server.jdbcUrl = databaseUrl;
      server.awaitReady();
      LOG.info("Hanse OMS on {} ready after {} s", db, (System.nanoTime() - begin) / 1_000_000_000);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the distribution", e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(api("/health")).timeout(Duration.ofSeconds(5)).build();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    // the SOAP services are published by their own component, moments after REST
    for (String service : List.of("OrderService", "InventoryService", "CatalogService")) {
      HttpRequest wsdl =
          HttpRequest.newBuilder(URI.create(soap(service) + "?wsdl"))
              .timeout(Duration.ofSeconds(5))
              .build();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> client.send(wsdl, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
  }

  /** A fresh PostgreSQL database for a test that manages its own servers. */
  public static String createPostgresDatabase() {
    return createPostgresDatabase(System.getProperty("hanse.it.postgres.url"));
  }

  public static void dropPostgresDatabase(String url) {
    dropPostgresDatabase(
        System.getProperty("hanse.it.postgres.url"), url.substring(url.lastIndexOf('/') + 1));
  }

  /** A fresh database per run, so runs never see each other's orders. */
  private static String createPostgresDatabase(String adminUrl) {
    String name = "hanse_it_" + System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(adminUrl, System.getProperty("user.name"), "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database at " + adminUrl, e);
    }
    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }

  private static void dropPostgresDatabase(String adminUrl, String name) {
    try (Connection c = DriverManager.getConnection(adminUrl, System.getProperty("user.name"), "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      LOG.warn("Could not drop test database {}: {}", name, e.toString());
    }
  }

  /** The module options bin/karaf passes on JDK 9+, which Pax Exam does not (STACK.md, 7). */
  private static Option java17Options() {
    return vmOptions(
        "--add-reads=java.xml=java.logging",
        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
        "--patch-module",
        "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
        "--patch-module",
        "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
        "--add-opens",
        "java.base/java.security=ALL-UNNAMED",
        "--add-opens",
        "java.base/java.net=ALL-UNNAMED",
        "--add-opens",
        "java.base/java.lang=ALL-UNNAMED",
        "--add-opens",
        "java.base/java.util=ALL-UNNAMED",
        "--add-opens",
        "java.naming/javax.naming.spi=ALL-UNNAMED",
        "--add-opens",
        "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
        "-classpath",
        "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
        "-Xmx1g");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
