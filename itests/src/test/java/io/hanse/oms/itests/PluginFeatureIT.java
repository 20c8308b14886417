package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A plugin feature (here the SOAP interface) is uninstalled, installed and reinstalled on the
 * running server while clients place orders over REST: no order request fails, every accepted order
 * is there with its stock, and the core is never restarted.
 */
class PluginFeatureIT {
  // logged each time the core starts (see SchemaMigrator)
  private static final String CORE_STARTED = "Schema db/changelog.xml up to date in";

  @Test
  void aPluginComesAndGoesWhileOrdersFlow() throws Exception {
    Api admin = Api.admin();
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "3.00", false);
    Fixtures.stock(admin, sku, location, 100_000);
    long coreStartsBefore = count(HanseServer.get().log(), CORE_STARTED);
    assertThat(coreStartsBefore).as("the core's start is in the log").isPositive();

    AtomicBoolean running = new AtomicBoolean(true);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> accepted = new CopyOnWriteArrayList<>();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      Thread t =
          new Thread(
              () -> {
                Api channel = Api.as("channel", "channel");
                while (running.get()) {
                  String email = Api.unique("plug").toLowerCase(Locale.ROOT) + "@example.com";
                  Api.Reply r = channel.post("/orders", Fixtures.order("web", email, sku, 1));
                  statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                  if (r.status() == 201) {
                    accepted.add(r.json().path("id").asText());
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    try {
      for (int round = 0; round < 2; round++) {
        assertThat(Ssh.run("admin", "admin", "feature:uninstall hanse-soap").all())
            .doesNotContain("Error");
        awaitWsdl(404);
        assertThat(Ssh.run("admin", "admin", "feature:install hanse-soap").all())
            .doesNotContain("Error");
        awaitWsdl(200);
      }
    } finally {
      running.set(false);
      for (Thread t : clients) {
        t.join();
      }
    }

    assertThat(statuses.keySet()).as("statuses of order requests: " + statuses).containsOnly(201);
    assertThat(accepted).hasSizeGreaterThan(20);
    for (String id : accepted) {
      assertThat(admin.get("/orders/" + id).status()).isEqualTo(200);
    }
    assertThat(admin.get("/stock/" + sku).json().path("reserved").asInt())
        .isEqualTo(accepted.size());
    assertThat(Soap.orders("agent").getOrder(accepted.get(0)).getId()).isEqualTo(accepted.get(0));
    assertThat(count(HanseServer.get().log(), CORE_STARTED))
        .as("the core was not restarted")
        .isEqualTo(coreStartsBefore);
  }

  @Test
  void configurationChangesApplyWithoutARestart() {
    long coreStartsBefore = count(HanseServer.get().log(), CORE_STARTED);
    assertThat(coreStartsBefore).as("the core's start is in the log").isPositive();
    String body =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
            + " ".repeat(3000)
            + "</s:Body></s:Envelope>";
    try {
      Ssh.run(
          "admin",
          "admin",
          "config:edit io.hanse.oms.soap; config:property-set maxBodyBytes 2000; config:update");
      awaitSoapStatus(body, 413);
    } finally {
      Ssh.run(
          "admin",
          "admin",
          "config:edit io.hanse.oms.soap; config:property-delete maxBodyBytes; config:update");
    }
    awaitSoapStatus(body, 401);
    assertThat(count(HanseServer.get().log(), CORE_STARTED)).isEqualTo(coreStartsBefore);
  }

  private static void awaitSoapStatus(String body, int status) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(HanseServer.get().soap("OrderService"))
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status);
  }

  private static void awaitWsdl(int status) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest wsdl;
    try {
      wsdl = HttpRequest.newBuilder(Soap.wsdl("OrderService").toURI()).build();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> http.send(wsdl, HttpResponse.BodyHandlers.discarding()).statusCode() == status);
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).count();
  }
}
