package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hanse.oms.itests.soap.catalog.Product;
import io.hanse.oms.itests.soap.inventory.InventoryService;
import io.hanse.oms.itests.soap.inventory.LocationStock;
import io.hanse.oms.itests.soap.orders.Customer;
import io.hanse.oms.itests.soap.orders.NewLine;
import io.hanse.oms.itests.soap.orders.NewOrder;
import io.hanse.oms.itests.soap.orders.Order;
import io.hanse.oms.itests.soap.orders.OrderService;
import io.hanse.oms.itests.soap.orders.Quantity;
import io.hanse.oms.itests.soap.orders.ServiceFault;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.ws.WebServiceException;
import org.junit.jupiter.api.Test;

/**
 * The SOAP services through a client generated from their WSDLs: the same orders, stock and
 * products as REST, faults with codes, WS-Security logins and roles.
 */
class SoapIT {
  private final Api admin = Api.admin();

  private record Scene(String location, String sku, String email) {}

  private Scene scene(int stock) {
    String location = Fixtures.location(admin, "WAREHOUSE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "20.00", false);
    Fixtures.stock(admin, sku, location, stock);
    return new Scene(location, sku, Api.unique("soap").toLowerCase(Locale.ROOT) + "@example.com");
  }

  private static NewOrder newOrder(Scene s, int quantity) {
    NewOrder order = new NewOrder();
    order.setChannel("phone");
    order.setExternalId(Api.unique("ERP"));
    Customer customer = new Customer();
    customer.setEmail(s.email());
    customer.setName("Legacy Customer");
    order.setCustomer(customer);
    NewLine line = new NewLine();
    line.setSku(s.sku());
    line.setQuantity(quantity);
    order.getLine().add(line);
    return order;
  }

  @Test
  void ordersArePlacedFoundShippedAndCancelled() throws Exception {
    Scene s = scene(10);
    OrderService agent = Soap.orders("agent");
    String key = Api.unique("key");

    NewOrder request = newOrder(s, 3);
    Order placed = agent.placeOrder(request, key);
    assertThat(placed.getStatus()).isEqualTo("CONFIRMED");
    assertThat(placed.getTotal()).isEqualByComparingTo("60.00");
    assertThat(placed.getLine().get(0).getReserved()).isEqualTo(3);
    assertThat(placed.getPlacedBy()).isEqualTo("agent");
    assertThat(agent.placeOrder(request, key).getId())
        .as("a repeated idempotency key returns the first order")
        .isEqualTo(placed.getId());

    assertThat(agent.getOrder(placed.getId()).getCustomerEmail()).isEqualTo(s.email());
    assertThat(agent.findOrders(null, "CONFIRMED", s.email(), 10))
        .extracting(Order::getId)
        .containsExactly(placed.getId());
    assertThat(admin.get("/orders/" + placed.getId()).json().path("status").asText())
        .isEqualTo("CONFIRMED");

    Order shipped =
        Soap.orders("manager")
            .shipOrder(placed.getId(), "DHL", "00340434", List.of(quantity(s.sku(), 2)));
    assertThat(shipped.getStatus()).isEqualTo("PARTIALLY_SHIPPED");
    assertThat(shipped.getShipment().get(0).getTrackingNumber()).isEqualTo("00340434");

    Order second = agent.placeOrder(newOrder(s, 4), null);
    Order cancelled = agent.cancelOrder(second.getId(), "customer called");
    assertThat(cancelled.getStatus()).isEqualTo("CANCELLED");
    JsonNode stock = admin.get("/stock/" + s.sku()).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(8);
    assertThat(stock.path("reserved").asInt()).as("one unit of the first order").isEqualTo(1);
  }

  @Test
  void stockAndProductsAreQueriedAndChanged() throws Exception {
    Scene s = scene(5);

    LocationStock adjusted =
        Soap.inventory("manager").adjustStock(s.sku(), s.location(), -2, "damaged");
    assertThat(adjusted.getOnHand()).isEqualTo(3);
    assertThat(Soap.inventory("channel").getStock(s.sku(), null).getAvailable()).isEqualTo(3);
    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt()).isEqualTo(3);

    Product product = new Product();
    product.setSku(Api.unique("SOAP"));
    product.setName("Tide clock");
    product.setPrice(new BigDecimal("79.90"));
    product.setCurrency("EUR");
    Product stored = Soap.catalog("manager").upsertProduct(product);
    assertThat(stored.getPrice()).isEqualByComparingTo("79.90");
    assertThat(Soap.catalog("agent").getProduct(product.getSku()).getName())
        .isEqualTo("Tide clock");
    assertThat(admin.get("/products/" + product.getSku()).json().path("name").asText())
        .isEqualTo("Tide clock");
  }

  @Test
  void refusalsAreFaultsWithCodesAndChangeNothing() {
    Scene s = scene(4);
    OrderService agent = Soap.orders("agent");

    assertThatThrownBy(() -> agent.getOrder("no-such-order"))
        .isInstanceOfSatisfying(
            ServiceFault.class, f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("not-found"));
    assertThatThrownBy(() -> agent.placeOrder(newOrder(s, 5), null))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("insufficient-stock"));
    NewOrder unknown = newOrder(s, 1);
    unknown.getLine().get(0).setSku("NO-SUCH-SKU");
    assertThatThrownBy(() -> agent.placeOrder(unknown, null))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> {
              assertThat(f.getFaultInfo().getCode()).isEqualTo("invalid-request");
              assertThat(f.getFaultInfo().getErrors()).contains("unknown sku: NO-SUCH-SKU");
            });
    assertThatThrownBy(() -> agent.findOrders(null, "LOST", null, 10))
        .isInstanceOf(ServiceFault.class);
    InventoryService manager = Soap.inventory("manager");
    assertThatThrownBy(() -> manager.adjustStock(s.sku(), s.location(), -9, "recount"))
        .isInstanceOfSatisfying(
            io.hanse.oms.itests.soap.inventory.ServiceFault.class,
            f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("insufficient-stock"));

    JsonNode stock = admin.get("/stock/" + s.sku()).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(4);
    assertThat(stock.path("reserved").asInt()).isZero();
    assertThat(admin.get("/orders?customer=" + s.email()).json().path("items")).isEmpty();
  }

  @Test
  void everyOperationNeedsALoginAndItsRole() {
    Scene s = scene(4);

    // a missing or wrong login is refused with HTTP 401, before any operation runs
    assertThatThrownBy(() -> Soap.orders(null).findOrders(null, null, null, 10))
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("401");
    assertThatThrownBy(
            () ->
                Soap.as(
                        new io.hanse.oms.itests.soap.orders.OrderService_Service(
                                Soap.wsdl("OrderService"))
                            .getOrderPort(),
                        "agent",
                        "wrong")
                    .findOrders(null, null, null, 10))
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("401");
    // a role too low is refused with HTTP 403; the fault in the body says which roles it needs
    assertThatThrownBy(
            () -> Soap.inventory("agent").adjustStock(s.sku(), s.location(), 100, "more"))
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");
    assertThatThrownBy(() -> Soap.orders("channel").findOrders(null, null, null, 10))
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");
    assertThatThrownBy(() -> Soap.catalog("channel").upsertProduct(new Product()))
        .isInstanceOf(WebServiceException.class)
        .hasStackTraceContaining("403");

    assertThat(admin.get("/stock/" + s.sku()).json().path("onHand").asInt()).isEqualTo(4);
  }

  @Test
  void rawRequestsGetHttpStatusesThatSayWhy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String envelope =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
            + "<o:getOrder xmlns:o=\"http://hanse-oms.io/soap/orders/v1\"><o:orderId>x</o:orderId>"
            + "</o:getOrder></s:Body></s:Envelope>";
    HttpResponse<String> anonymous =
        http.send(post(envelope), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("soap:Client");

    String padding = " ".repeat(1_100_000);
    HttpResponse<String> huge =
        http.send(
            post(envelope.replace("<s:Body>", "<s:Body>" + padding)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(huge.statusCode()).isEqualTo(413);

    HttpResponse<String> broken =
        http.send(post("<s:Envelope"), HttpResponse.BodyHandlers.ofString());
    assertThat(broken.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(broken.body()).contains("soap:Client");
  }

  @Test
  void theServedWsdlsAreThePublishedContract() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String service : List.of("OrderService", "InventoryService", "CatalogService")) {
      String served =
          http.send(
                  HttpRequest.newBuilder(Soap.wsdl(service).toURI()).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String published =
          Files.readString(
              Path.of(
                  "..", "bundles", "soap", "src", "main", "resources", "wsdl", service + ".wsdl"));
      assertThat(Soap.operations(served))
          .as(service)
          .isEqualTo(Soap.operations(published))
          .isNotEmpty();
      assertThat(served).contains(HanseServer.get().soap(service).toString());
    }
  }

  private static Quantity quantity(String sku, int units) {
    Quantity q = new Quantity();
    q.setSku(sku);
    q.setQuantity(units);
    return q;
  }

  private static String usernameToken(String user) {
    String wsse =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    return "<wsse:Security xmlns:wsse=\""
        + wsse
        + "\"><wsse:UsernameToken><wsse:Username>"
        + user
        + "</wsse:Username><wsse:Password>"
        + user
        + "</wsse:Password></wsse:UsernameToken></wsse:Security>";
  }

  private static HttpRequest post(String body) {
    return HttpRequest.newBuilder(HanseServer.get().soap("OrderService"))
        .header("Content-Type", "text/xml; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
