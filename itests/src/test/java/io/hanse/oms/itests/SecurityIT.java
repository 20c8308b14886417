package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks every REST route and every SOAP operation without credentials and with each role too low:
 * each answers 401 or 403, and nothing changes. The REST routes come from the OpenAPI document
 * (with the roles each declares); the SOAP roles are the model written down here.
 */
class SecurityIT {
  private static final List<String> ROLES = List.of("admin", "manager", "agent", "channel");

  /** Who may call each SOAP operation: the security model, on purpose not read from the code. */
  private static final Map<String, Map<String, Set<String>>> SOAP =
      Map.of(
          "OrderService",
          Map.of(
              "placeOrder", Set.of("admin", "manager", "agent", "channel"),
              "getOrder", Set.of("admin", "manager", "agent", "channel"),
              "findOrders", Set.of("admin", "manager", "agent"),
              "cancelOrder", Set.of("admin", "manager", "agent"),
              "shipOrder", Set.of("admin", "manager")),
          "InventoryService",
          Map.of(
              "getStock", Set.of("admin", "manager", "agent", "channel"),
              "adjustStock", Set.of("admin", "manager")),
          "CatalogService",
          Map.of(
              "getProduct", Set.of("admin", "manager", "agent", "channel"),
              "upsertProduct", Set.of("admin", "manager")),
          "PaymentService",
          Map.ofEntries(
              Map.entry("getPayments", Set.of("admin", "manager", "agent")),
              Map.entry("addPayment", Set.of("admin", "manager", "agent")),
              Map.entry("requestReturn", Set.of("admin", "manager", "agent")),
              Map.entry("getReturns", Set.of("admin", "manager", "agent")),
              Map.entry("refundOrder", Set.of("admin", "manager")),
              Map.entry("settleCheck", Set.of("admin", "manager")),
              Map.entry("authorizeReturn", Set.of("admin", "manager")),
              Map.entry("rejectReturn", Set.of("admin", "manager")),
              Map.entry("receiveReturn", Set.of("admin", "manager")),
              Map.entry("issueGiftCard", Set.of("admin", "manager")),
              Map.entry("tokenizeCard", Set.of("admin", "manager", "agent", "channel")),
              Map.entry("giftCardBalance", Set.of("admin", "manager", "agent", "channel"))));

  /** A password sent with wrong logins, which must never appear in the server's log. */
  private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-" + System.nanoTime();

  private final Api admin = Api.admin();

  /** Real things for the routes' path parameters, so a request let through would show. */
  private record Scene(
      String location, String sku, String supplier, String po, String customer, String order) {}

  private Scene scene() {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "10.00", false);
    Fixtures.stock(admin, sku, location, 20);
    String supplier = Fixtures.supplier(admin, sku, "4");
    String po =
        Fixtures.purchaseOrder(admin, supplier, location, sku, 5).json().path("id").asText();
    String email = Api.unique("walk").toLowerCase(Locale.ROOT) + "@example.com";
    JsonNode order = admin.post("/orders", Fixtures.order("web", email, sku, 2)).json();
    return new Scene(
        location, sku, supplier, po, order.path("customerId").asText(), order.path("id").asText());
  }

  /** What the walk must not change. */
  private Map<String, String> snapshot(Scene s) {
    Map<String, String> state = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/orders/" + s.order(),
            "/orders?size=200",
            "/stock/" + s.sku(),
            "/stock/" + s.sku() + "/movements",
            "/products/" + s.sku(),
            "/customers/" + s.customer(),
            "/purchase-orders/" + s.po(),
            "/suppliers/" + s.supplier(),
            "/locations")) {
      Api.Reply r = admin.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      state.put(path, r.json().toString());
    }
    return state;
  }

  @Test
  void everyRestRouteRefusesStrangersAndRolesTooLow() {
    Scene s = scene();
    Map<String, String> before = snapshot(s);
    JsonNode paths = Api.anonymous().get("/openapi.json").json().path("paths");
    int operations = 0;
    List<String> failures = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> route = it.next();
      String path = fill(route.getKey(), s);
      for (Iterator<Map.Entry<String, JsonNode>> ops = route.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase(Locale.ROOT);
        JsonNode roles = op.getValue().path("x-roles");
        assertThat(roles.isArray()).as(method + " " + route.getKey() + " declares roles").isTrue();
        operations++;
        if (roles.isEmpty()) {
          continue; // public: health, the OpenAPI document
        }
        Set<String> allowed = new TreeSet<>();
        roles.forEach(r -> allowed.add(r.asText()));
        String body = method.equals("GET") ? null : "{}";
        expect(failures, Api.anonymous(), method, path, body, 401);
        expect(failures, Api.as("admin", WRONG_PASSWORD), method, path, body, 401);
        for (String role : ROLES) {
          if (!allowed.contains(role)) {
            expect(failures, Api.as(role, role), method, path, body, 403);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(operations).isGreaterThanOrEqualTo(30);
    assertThat(snapshot(s)).isEqualTo(before);
    assertThat(HanseServer.get().log())
        .as("passwords are never logged")
        .doesNotContain(WRONG_PASSWORD);
  }

  @Test
  void theRoleModelIsWhatTheReadmeSays() {
    JsonNode paths = Api.anonymous().get("/openapi.json").json().path("paths");
    assertThat(roles(paths, "/orders", "post")).contains("agent", "channel");
    assertThat(roles(paths, "/orders", "get")).doesNotContain("channel");
    assertThat(roles(paths, "/orders/{id}/cancel", "post"))
        .contains("agent")
        .doesNotContain("channel");
    assertThat(roles(paths, "/orders/{id}/shipments", "post")).containsOnly("admin", "manager");
    assertThat(roles(paths, "/stock/adjustments", "post")).containsOnly("admin", "manager");
    assertThat(roles(paths, "/customers/{id}", "get")).doesNotContain("channel");
    assertThat(roles(paths, "/locations/{code}", "put")).containsOnly("admin");
    assertThat(roles(paths, "/health", "get")).isEmpty();
  }

  @Test
  void everySoapOperationRefusesStrangersAndRolesTooLow() throws Exception {
    Scene s = scene();
    Map<String, String> before = snapshot(s);
    HttpClient http = HttpClient.newHttpClient();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Map<String, Set<String>>> service : SOAP.entrySet()) {
      String wsdl =
          http.send(
                  HttpRequest.newBuilder(Soap.wsdl(service.getKey()).toURI()).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(Soap.operations(wsdl))
          .as("every operation of " + service.getKey() + " has its roles written down here")
          .isEqualTo(service.getValue().keySet());
      String namespace = targetNamespace(wsdl);
      for (Map.Entry<String, Set<String>> operation : service.getValue().entrySet()) {
        String name = operation.getKey();
        soap(failures, http, service.getKey(), namespace, name, null, 401);
        soap(failures, http, service.getKey(), namespace, name, "admin:" + WRONG_PASSWORD, 401);
        for (String role : ROLES) {
          if (!operation.getValue().contains(role)) {
            soap(failures, http, service.getKey(), namespace, name, role + ":" + role, 403);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(snapshot(s)).isEqualTo(before);
    assertThat(HanseServer.get().log())
        .as("passwords are never logged")
        .doesNotContain(WRONG_PASSWORD);
  }

  private static void expect(
      List<String> failures, Api api, String method, String path, String body, int status) {
    int got = api.send(method, path, body).status();
    if (got != status) {
      failures.add(method + " " + path + ": expected " + status + ", got " + got);
    }
  }

  private static void soap(
      List<String> failures,
      HttpClient http,
      String service,
      String namespace,
      String operation,
      String login,
      int status)
      throws Exception {
    String header = "";
    if (login != null) {
      String[] up = login.split(":");
      header =
          "<s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
              + "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:UsernameToken><wsse:Username>"
              + up[0]
              + "</wsse:Username><wsse:Password>"
              + up[1]
              + "</wsse:Password></wsse:UsernameToken></wsse:Security></s:Header>";
    }
    String envelope =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + header
            + "<s:Body><o:"
            + operation
            + " xmlns:o=\""
            + namespace
            + "\"/></s:Body></s:Envelope>";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(HanseServer.get().soap(service))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      failures.add(
          service
              + "."
              + operation
              + " as "
              + login
              + ": expected "
              + status
              + ", got "
              + response.statusCode());
    }
  }

  private static Set<String> roles(JsonNode paths, String path, String method) {
    Set<String> roles = new TreeSet<>();
    paths.path(path).path(method).path("x-roles").forEach(r -> roles.add(r.asText()));
    assertThat(paths.path(path).path(method).isMissingNode()).as(method + " " + path).isFalse();
    return roles;
  }

  /** Real values for a route's path parameters, by what the route is about. */
  private static String fill(String template, Scene s) {
    String first = template.split("/")[1];
    String code =
        switch (first) {
          case "locations" -> s.location();
          case "suppliers" -> s.supplier();
          default -> "NO-SUCH-CODE";
        };
    String id =
        switch (first) {
          case "orders" -> s.order();
          case "purchase-orders" -> s.po();
          case "customers" -> s.customer();
          default -> "no-such-id";
        };
    return template
        .replace("{id}", id)
        .replace("{sku}", s.sku())
        .replace("{location}", s.location())
        .replace("{code}", code)
        .replace("{name}", "no-such-channel")
        .replace("{token}", "tok_no-such-card")
        .replace("{gateway}", "no-such-gateway")
        .replace("{invoice}", "no-such-invoice");
  }

  private static String targetNamespace(String wsdl) {
    Matcher m = Pattern.compile("targetNamespace=\"([^\"]+)\"").matcher(wsdl);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
