package io.hanse.oms.channel.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.ChannelCursors;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.InboxEntry;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.channel.WebhookResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SP-API and Login with Amazon calls against a stub speaking their wire format. */
class AmazonApiTest {
  private WireMockServer amazon;
  private AmazonApi api;

  @BeforeEach
  void start() {
    amazon = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    amazon.start();
    amazon.stubFor(
        post("/auth/o2/token")
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=Atzr%7Ctest"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"Atza|lwa\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    amazon.stubFor(
        post("/tokens/2021-03-01/restrictedDataToken")
            .withHeader("x-amz-access-token", equalTo("Atza|lwa"))
            .willReturn(okJson("{\"restrictedDataToken\":\"Atz.sprdt|rdt\",\"expiresIn\":3600}")));
    api = new AmazonApi(config(amazon.baseUrl()), 10);
  }

  @AfterEach
  void stop() {
    amazon.stop();
  }

  @Test
  void pollsEveryPageWaitsOutThrottlingAndKeepsTheCursor() throws Exception {
    String page1 =
        "{\"payload\":{\"NextToken\":\"tok-2\",\"Orders\":["
            + order("111-1", "Unshipped", "2026-11-27T08:00:00Z")
            + "]}}";
    String page2 =
        "{\"payload\":{\"Orders\":[" + order("111-2", "Canceled", "2026-11-27T09:30:00Z") + "]}}";
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders"))
            .withQueryParam("LastUpdatedAfter", equalTo("2026-11-26T00:00:00Z"))
            .withHeader("x-amz-access-token", equalTo("Atz.sprdt|rdt"))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429))
            .willSetStateTo("ok"));
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders"))
            .withQueryParam("LastUpdatedAfter", equalTo("2026-11-26T00:00:00Z"))
            .inScenario("throttle")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(page1)));
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders"))
            .withQueryParam("NextToken", equalTo("tok-2"))
            .willReturn(okJson(page2)));
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders/111-1/orderItems"))
            .willReturn(
                okJson(
                    "{\"payload\":{\"AmazonOrderId\":\"111-1\",\"NextToken\":\"i2\",\"OrderItems\":["
                        + item("A1", "MUG-1", 1)
                        + "]}}")));
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders/111-1/orderItems"))
            .withQueryParam("NextToken", equalTo("i2"))
            .willReturn(
                okJson(
                    "{\"payload\":{\"AmazonOrderId\":\"111-1\",\"OrderItems\":["
                        + item("A2", "TEE-M", 2)
                        + "]}}")));
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders/111-2/orderItems"))
            .willReturn(okJson("{\"payload\":{\"AmazonOrderId\":\"111-2\",\"OrderItems\":[]}}")));

    RecordingInbox inbox = new RecordingInbox();
    MemoryCursors cursors = new MemoryCursors();
    cursors.put("amz", AmazonPoller.CURSOR, "2026-11-26T00:00:00Z");
    AmazonPoller poller = new AmazonPoller("amz", api, inbox, cursors, Duration.ofHours(24));

    assertEquals(2, poller.poll());
    assertEquals(
        List.of("111-1@Unshipped@2026-11-27T08:00:00Z", "111-2@Canceled@2026-11-27T09:30:00Z"),
        inbox.received.stream().map(InboundMessage::deliveryId).toList());
    assertTrue(inbox.received.get(0).body().contains("TEE-M"), "items of every page");
    Instant cursor = Instant.parse(cursors.get("amz", AmazonPoller.CURSOR).orElseThrow());
    assertTrue(
        cursor.isAfter(Instant.now().minusSeconds(180))
            && cursor.isBefore(Instant.now().minusSeconds(60)),
        "the cursor moves to the end of the window, two minutes ago: " + cursor);
    assertTrue(
        inbox.received.get(1).body().contains("\"items\":[]"),
        "no items fetched for a cancelled order");
    amazon.verify(0, getRequestedFor(urlPathEqualTo("/orders/v0/orders/111-2/orderItems")));
    amazon.verify(1, postRequestedFor(urlEqualTo("/auth/o2/token")));
  }

  @Test
  void setsListingQuantitiesAndSkipsWhatIsNotListed() throws Exception {
    amazon.stubFor(
        patch(urlPathEqualTo("/listings/2021-08-01/items/SELLER1/MUG-1"))
            .withQueryParam("marketplaceIds", equalTo("A1PA6795UKMFR9"))
            .willReturn(
                okJson(
                    "{\"sku\":\"MUG-1\",\"status\":\"ACCEPTED\",\"submissionId\":\"s1\",\"issues\":[]}")));
    amazon.stubFor(
        patch(urlPathEqualTo("/listings/2021-08-01/items/SELLER1/GONE"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}]}")));
    assertTrue(api.setQuantity("MUG-1", 7));
    assertFalse(api.setQuantity("GONE", 1));
    amazon.verify(
        patchRequestedFor(urlPathEqualTo("/listings/2021-08-01/items/SELLER1/MUG-1"))
            .withRequestBody(
                matchingJsonPath(
                    "$.patches[0].path", equalTo("/attributes/fulfillment_availability")))
            .withRequestBody(matchingJsonPath("$.patches[0].value[0].quantity", equalTo("7"))));
  }

  @Test
  void confirmsAShipmentWithTheItemsOfItsSkus() throws Exception {
    amazon.stubFor(
        get(urlPathEqualTo("/orders/v0/orders/111-1/orderItems"))
            .willReturn(
                okJson(
                    "{\"payload\":{\"OrderItems\":["
                        + item("A1", "MUG-1", 1)
                        + ","
                        + item("A2", "TEE-M", 2)
                        + "]}}")));
    amazon.stubFor(
        post("/orders/v0/orders/111-1/shipmentConfirmation")
            .willReturn(aResponse().withStatus(204)));
    api.confirmShipment(
        new ChannelShipment(
            "111-1", "o", "s-1", "DHL", "JJD1", List.of(new SkuQuantity("TEE-M", 2)), true));
    amazon.verify(
        postRequestedFor(urlEqualTo("/orders/v0/orders/111-1/shipmentConfirmation"))
            .withRequestBody(matchingJsonPath("$.marketplaceId", equalTo("A1PA6795UKMFR9")))
            .withRequestBody(matchingJsonPath("$.packageDetail.trackingNumber", equalTo("JJD1")))
            .withRequestBody(
                matchingJsonPath("$.packageDetail.orderItems[0].orderItemId", equalTo("A2")))
            .withRequestBody(
                matchingJsonPath("$.packageDetail.orderItems[0].quantity", equalTo("2"))));
    amazon.verify(
        getRequestedFor(urlPathEqualTo("/orders/v0/orders/111-1/orderItems"))
            .withHeader("x-amz-access-token", equalTo("Atza|lwa")));
  }

  @Test
  void cancelsAnOrderByAnAcknowledgementFeed() throws Exception {
    amazon.stubFor(
        post("/feeds/2021-06-30/documents")
            .withRequestBody(matchingJsonPath("$.contentType", equalTo("text/xml; charset=UTF-8")))
            .willReturn(
                okJson(
                    "{\"feedDocumentId\":\"amzn1.tortuga.doc1\",\"url\":\""
                        + amazon.baseUrl()
                        + "/upload/doc1\"}")));
    amazon.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put("/upload/doc1")
            .willReturn(aResponse().withStatus(200)));
    amazon.stubFor(post("/feeds/2021-06-30/feeds").willReturn(okJson("{\"feedId\":\"23492394\"}")));

    assertEquals("23492394", api.cancelOrder("111-1"));

    amazon.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo("/upload/doc1"))
            .withRequestBody(containing("<AmazonOrderID>111-1</AmazonOrderID>"))
            .withRequestBody(containing("<StatusCode>Failure</StatusCode>"))
            .withRequestBody(containing("<MerchantIdentifier>SELLER1</MerchantIdentifier>")));
    amazon.verify(
        postRequestedFor(urlEqualTo("/feeds/2021-06-30/feeds"))
            .withRequestBody(
                matchingJsonPath("$.feedType", equalTo("POST_ORDER_ACKNOWLEDGEMENT_DATA")))
            .withRequestBody(
                matchingJsonPath("$.inputFeedDocumentId", equalTo("amzn1.tortuga.doc1")))
            .withRequestBody(matchingJsonPath("$.marketplaceIds[0]", equalTo("A1PA6795UKMFR9"))));
  }

  static String order(String id, String status, String updated) {
    return "{\"AmazonOrderId\":\""
        + id
        + "\",\"OrderStatus\":\""
        + status
        + "\",\"LastUpdateDate\":\""
        + updated
        + "\",\"FulfillmentChannel\":\"MFN\",\"MarketplaceId\":\"A1PA6795UKMFR9\"}";
  }

  static String item(String id, String sku, int quantity) {
    return "{\"OrderItemId\":\""
        + id
        + "\",\"SellerSKU\":\""
        + sku
        + "\",\"QuantityOrdered\":"
        + quantity
        + ",\"QuantityShipped\":0}";
  }

  static AmazonConfig config(String base) {
    Map<String, Object> values = new HashMap<>();
    values.put("lwaClientId", "amzn1.application-oa2-client.test");
    values.put("lwaClientSecret", "secret");
    values.put("refreshToken", "Atzr|test");
    values.put("tokenUrl", base + "/auth/o2/token");
    values.put("endpoint", base);
    values.put("marketplaceId", "A1PA6795UKMFR9");
    values.put("sellerId", "SELLER1");
    values.put("restrictedData", true);
    values.put("timeoutMillis", 5000);
    return (AmazonConfig)
        java.lang.reflect.Proxy.newProxyInstance(
            AmazonConfig.class.getClassLoader(),
            new Class<?>[] {AmazonConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("annotationType")) {
                return AmazonConfig.class;
              }
              return values.getOrDefault(method.getName(), method.getDefaultValue());
            });
  }

  /** Records what the poller hands over. */
  static final class RecordingInbox implements ChannelInbox {
    final List<InboundMessage> received = new ArrayList<>();

    @Override
    public WebhookResult accept(String channel, InboundMessage message) {
      received.add(message);
      return new WebhookResult(received.size(), InboxOutcome.ACCEPTED, null, null, false);
    }

    @Override
    public boolean known(String channel, String deliveryId) {
      return received.stream().anyMatch(m -> m.deliveryId().equals(deliveryId));
    }

    @Override
    public WebhookResult receive(String channel, WebhookRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<InboxEntry> entries(String channel, InboxOutcome outcome, int limit) {
      return List.of();
    }

    @Override
    public InboxEntry entry(long id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WebhookResult replay(long id, String user) {
      throw new UnsupportedOperationException();
    }
  }

  static final class MemoryCursors implements ChannelCursors {
    private final Map<String, String> values = new HashMap<>();

    @Override
    public Optional<String> get(String channel, String name) {
      return Optional.ofNullable(values.get(channel + "/" + name));
    }

    @Override
    public void put(String channel, String name, String value) {
      values.put(channel + "/" + name, value);
    }
  }
}
