package io.hanse.oms.itests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Amazon connector polling a stub that plays Login with Amazon and the Selling Partner API:
 * throttled once, two pages of orders (Amazon's published sample among them), an order cancelled on
 * Amazon later; quantities and a shipment confirmation going back.
 */
class AmazonChannelIT {
  private static final String NAME = "itamazon";
  private static final String RDT = "Atz.sprdt|it";

  @Test
  void ordersArePolledPagedAndSettledOnce() throws Exception {
    Api admin = Api.admin();
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    String sku = Fixtures.product(admin, "10.00", false);
    Fixtures.stock(admin, sku, location, 20);
    String suffix = Api.unique("").replaceAll("[^0-9]", "");
    String a = "302-" + suffix + "-1";
    String b = "302-" + suffix + "-2";
    String d = "302-" + suffix + "-4";
    String published =
        Files.readString(
            Path.of(System.getProperty("hanse.fixtures", "../fixtures/published"))
                .resolve("amazon_spapi_orders_v0_getOrders_response.json"));
    JsonNode pendingSample = Api.JSON.readTree(published).path("payload").path("Orders").get(0);

    WireMockServer amazon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    amazon.start();
    try {
      amazon.stubFor(
          post("/auth/o2/token")
              .willReturn(
                  okJson(
                      "{\"access_token\":\"Atza|it\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
      amazon.stubFor(
          post("/tokens/2021-03-01/restrictedDataToken")
              .willReturn(okJson("{\"restrictedDataToken\":\"" + RDT + "\",\"expiresIn\":3600}")));
      String page1 =
          "{\"payload\":{\"NextToken\":\"page-2\",\"Orders\":["
              + order(a, "Unshipped", "2026-11-27T08:00:00Z")
              + ","
              + order(b, "Unshipped", "2026-11-27T08:01:00Z")
              + ","
              + order(d, "Unshipped", "2026-11-27T08:02:00Z")
              + "]}}";
      String page2 = "{\"payload\":{\"Orders\":[" + pendingSample + "]}}";
      String later =
          "{\"payload\":{\"Orders\":[" + order(a, "Canceled", "2026-11-27T10:00:00Z") + "]}}";
      amazon.stubFor(
          get(urlPathEqualTo("/orders/v0/orders"))
              .withQueryParam("LastUpdatedAfter", matching())
              .withHeader("x-amz-access-token", equalTo(RDT))
              .inScenario("polls")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(429))
              .willSetStateTo("throttled"));
      amazon.stubFor(
          get(urlPathEqualTo("/orders/v0/orders"))
              .withQueryParam("LastUpdatedAfter", matching())
              .inScenario("polls")
              .whenScenarioStateIs("throttled")
              .willReturn(okJson(page1))
              .willSetStateTo("first"));
      amazon.stubFor(
          get(urlPathEqualTo("/orders/v0/orders"))
              .withQueryParam("NextToken", equalTo("page-2"))
              .willReturn(okJson(page2)));
      amazon.stubFor(
          get(urlPathEqualTo("/orders/v0/orders"))
              .withQueryParam("LastUpdatedAfter", matching())
              .inScenario("polls")
              .whenScenarioStateIs("first")
              .willReturn(okJson(later))
              .willSetStateTo("quiet"));
      amazon.stubFor(
          get(urlPathEqualTo("/orders/v0/orders"))
              .withQueryParam("LastUpdatedAfter", matching())
              .inScenario("polls")
              .whenScenarioStateIs("quiet")
              .willReturn(okJson("{\"payload\":{\"Orders\":[]}}")));
      amazon.stubFor(
          get(urlPathMatching("/orders/v0/orders/" + a + "/orderItems"))
              .willReturn(items(a, sku, 2)));
      amazon.stubFor(
          get(urlPathMatching("/orders/v0/orders/" + b + "/orderItems"))
              .willReturn(items(b, "AMZ-UNKNOWN-" + suffix, 1)));
      amazon.stubFor(
          get(urlPathMatching("/orders/v0/orders/" + d + "/orderItems"))
              .willReturn(items(d, sku, 1)));
      amazon.stubFor(
          get(urlPathMatching("/orders/v0/orders/902-3159896-1390916/orderItems"))
              .willReturn(items("902-3159896-1390916", sku, 1)));
      amazon.stubFor(
          patch(urlPathMatching("/listings/2021-08-01/items/SELLERIT/.*"))
              .willReturn(aResponse().withStatus(404)));
      amazon.stubFor(
          patch(urlPathEqualTo("/listings/2021-08-01/items/SELLERIT/" + sku))
              .willReturn(
                  okJson("{\"sku\":\"" + sku + "\",\"status\":\"ACCEPTED\",\"issues\":[]}")));
      amazon.stubFor(
          post(urlMatching("/orders/v0/orders/.*/shipmentConfirmation"))
              .willReturn(aResponse().withStatus(204)));

      amazon.stubFor(
          post("/feeds/2021-06-30/documents")
              .willReturn(
                  okJson(
                      "{\"feedDocumentId\":\"doc-it\",\"url\":\""
                          + amazon.baseUrl()
                          + "/upload/doc-it\"}")));
      amazon.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.put("/upload/doc-it")
              .willReturn(aResponse().withStatus(200)));
      amazon.stubFor(
          post("/feeds/2021-06-30/feeds").willReturn(okJson("{\"feedId\":\"feed-it\"}")));

      Channels.configure(
          "amazon",
          NAME,
          Map.ofEntries(
              Map.entry("lwaClientId", "amzn1.application-oa2-client.it"),
              Map.entry("lwaClientSecret", "it-secret"),
              Map.entry("refreshToken", "Atzr|it"),
              Map.entry("tokenUrl", amazon.baseUrl() + "/auth/o2/token"),
              Map.entry("endpoint", amazon.baseUrl()),
              Map.entry("marketplaceId", "A1PA6795UKMFR9"),
              Map.entry("sellerId", "SELLERIT"),
              Map.entry("pollSeconds", "1")));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(order(admin, a))
                    .map(o -> o.path("status").asText())
                    .contains("CANCELLED");
                assertThat(order(admin, b)).map(o -> o.path("status").asText()).contains("ON_HOLD");
                assertThat(order(admin, d))
                    .map(o -> o.path("status").asText())
                    .contains("CONFIRMED");
              });
      assertThat(order(admin, b).orElseThrow().path("holdReason").asText()).contains("unknown sku");
      assertThat(order(admin, "902-3159896-1390916"))
          .as("a pending order waits for its payment")
          .isEmpty();
      List<JsonNode> inbox = entries(admin);
      assertThat(inbox).extracting(e -> e.path("deliveryId").asText()).doesNotHaveDuplicates();
      assertThat(inbox)
          .anyMatch(
              e ->
                  e.path("topic").asText().equals("order/Pending")
                      && e.path("outcome").asText().equals("IGNORED"));

      String shipped = order(admin, d).orElseThrow().path("id").asText();
      Api.Reply ship =
          admin.post(
              "/orders/" + shipped + "/shipments",
              Map.of(
                  "carrier",
                  "DHL",
                  "trackingNumber",
                  "JJD" + suffix,
                  "lines",
                  List.of(Map.of("sku", sku, "quantity", 1))));
      assertThat(ship.status()).as(ship.toString()).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  requests(amazon, "/orders/v0/orders/" + d + "/shipmentConfirmation").stream()
                      .anyMatch(
                          r ->
                              r.getBodyAsString().contains("JJD" + suffix)
                                  && r.getBodyAsString()
                                      .contains("\"orderItemId\":\"" + d + "-item\"")));
      int available = admin.get("/stock/" + sku).json().path("available").asInt();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  requests(amazon, "/listings/2021-08-01/items/SELLERIT/" + sku).stream()
                      .anyMatch(r -> r.getBodyAsString().contains("\"quantity\":" + available)));
      // Hanse cancels the held order: Amazon gets an order acknowledgement feed saying Failure
      String held = order(admin, b).orElseThrow().path("id").asText();
      assertThat(
              admin
                  .post("/orders/" + held + "/cancel", Map.of("reason", "not in our catalog"))
                  .status())
          .isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  requests(amazon, "/upload/doc-it").stream()
                      .anyMatch(
                          r ->
                              r.getBodyAsString()
                                  .contains("<AmazonOrderID>" + b + "</AmazonOrderID>")));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !requests(amazon, "/feeds/2021-06-30/feeds").isEmpty());
      assertThat(requests(amazon, "/upload/doc-it"))
          .as("Amazon's own cancellation is not echoed")
          .noneMatch(r -> r.getBodyAsString().contains("<AmazonOrderID>" + a + "</AmazonOrderID>"));

      // each poll asks from where the last complete one ended: windows follow without a gap
      List<String> afters = new java.util.ArrayList<>();
      List<String> befores = new java.util.ArrayList<>();
      List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> served =
          new java.util.ArrayList<>(amazon.getAllServeEvents());
      java.util.Collections.reverse(served); // oldest first
      for (var event : served) {
        LoggedRequest r = event.getRequest();
        if (r.getUrl().startsWith("/orders/v0/orders?")
            && r.queryParameter("LastUpdatedBefore").isPresent()
            && event.getResponse().getStatus() == 200) {
          afters.add(r.queryParameter("LastUpdatedAfter").firstValue());
          befores.add(r.queryParameter("LastUpdatedBefore").firstValue());
        }
      }
      assertThat(afters.size()).isGreaterThan(1);
      for (int i = 1; i < afters.size(); i++) {
        assertThat(afters.get(i)).as("window " + i).isIn(befores.subList(0, i));
      }
    } finally {
      Channels.remove("amazon", NAME);
      amazon.stop();
    }
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern matching() {
    return com.github.tomakehurst.wiremock.client.WireMock.matching(".+");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder items(
      String orderId, String sku, int quantity) {
    return okJson(
        "{\"payload\":{\"OrderItems\":[{\"OrderItemId\":\""
            + orderId
            + "-item\",\"SellerSKU\":\""
            + sku
            + "\",\"QuantityOrdered\":"
            + quantity
            + ",\"QuantityShipped\":0}]}}");
  }

  private static String order(String id, String status, String updated) {
    return "{\"AmazonOrderId\":\""
        + id
        + "\",\"OrderStatus\":\""
        + status
        + "\",\"LastUpdateDate\":\""
        + updated
        + "\",\"FulfillmentChannel\":\"MFN\",\"MarketplaceId\":\"A1PA6795UKMFR9\","
        + "\"BuyerInfo\":{\"BuyerEmail\":\""
        + id
        + "@marketplace.amazon.de\",\"BuyerName\":\"Anna Kunde\"},"
        + "\"ShippingAddress\":{\"Name\":\"Anna Kunde\",\"AddressLine1\":\"Jungfernstieg 1\",\"City\":\"Hamburg\","
        + "\"PostalCode\":\"20354\",\"CountryCode\":\"DE\"}}";
  }

  private static Optional<JsonNode> order(Api admin, String amazonOrderId) {
    for (JsonNode o : admin.get("/orders?channel=" + NAME + "&size=100").json().path("items")) {
      if (o.path("externalId").asText().equals(amazonOrderId)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private static List<JsonNode> entries(Api admin) {
    List<JsonNode> entries = new java.util.ArrayList<>();
    admin.get("/channels/" + NAME + "/inbox?limit=100").json().forEach(entries::add);
    return entries;
  }

  private static List<LoggedRequest> requests(WireMockServer server, String path) {
    return server.findAll(anyRequestedFor(urlPathEqualTo(path)));
  }
}
