package io.hanse.oms.channel.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelShipment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Admin API calls against a stub speaking Shopify's GraphQL wire format. */
class ShopifyAdminTest {
  private static final String GRAPHQL = "/admin/api/2025-01/graphql.json";
  private WireMockServer shopify;
  private ShopifyAdmin admin;

  @BeforeEach
  void start() {
    shopify = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    shopify.start();
    admin =
        new ShopifyAdmin(
            shopify.baseUrl() + "/admin/api/2025-01",
            "shpat_test",
            "655441491",
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    shopify.stop();
  }

  @Test
  void setsAvailableQuantitiesOfListedSkusAtTheLocation() throws IOException {
    shopify.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("productVariants"))
            .willReturn(
                okJson(
                    "{\"data\":{\"productVariants\":{\"nodes\":[{\"sku\":\"MUG-1\","
                        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/30322695\"}}]}}}")));
    shopify.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("inventorySetQuantities"))
            .willReturn(okJson("{\"data\":{\"inventorySetQuantities\":{\"userErrors\":[]}}}")));

    admin.setAvailable(List.of(new Availability("MUG-1", 7), new Availability("NOT-LISTED", 3)));
    admin.setAvailable(List.of(new Availability("MUG-1", 6)));

    shopify.verify(
        1, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(containing("productVariants")));
    shopify.verify(
        postRequestedFor(urlEqualTo(GRAPHQL))
            .withHeader("X-Shopify-Access-Token", equalTo("shpat_test"))
            .withRequestBody(
                matchingJsonPath(
                    "$.variables.input.quantities[0].locationId",
                    equalTo("gid://shopify/Location/655441491")))
            .withRequestBody(
                matchingJsonPath("$.variables.input.quantities[0].quantity", equalTo("6")))
            .withRequestBody(
                matchingJsonPath("$.variables.input.quantities.length()", equalTo("1"))));
  }

  @Test
  void throttlingAndUserErrorsAreFailuresToRetry() {
    shopify.stubFor(post(GRAPHQL).willReturn(aResponse().withStatus(429)));
    assertThrows(IOException.class, () -> admin.cancel("450789469", true));
    shopify.stubFor(
        post(GRAPHQL)
            .willReturn(
                okJson(
                    "{\"data\":{\"orderCancel\":{\"orderCancelUserErrors\":"
                        + "[{\"field\":[\"orderId\"],\"message\":\"Order is already cancelled\"}]}}}")));
    // cancelling what Shopify already cancelled is what we wanted: no error, no retry
    assertDoesNotThrow(() -> admin.cancel("450789469", true));
    shopify.stubFor(
        post(GRAPHQL)
            .willReturn(
                okJson(
                    "{\"data\":{\"orderCancel\":{\"orderCancelUserErrors\":"
                        + "[{\"field\":[\"orderId\"],\"message\":\"Order cannot be found\"}]}}}")));
    IOException refused = assertThrows(IOException.class, () -> admin.cancel("450789469", true));
    assertTrue(refused.getMessage().contains("cannot be found"));
  }

  @Test
  void fulfilsWhatShippedWithTracking() throws IOException {
    shopify.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("fulfillmentOrders"))
            .willReturn(
                okJson(
                    "{\"data\":{\"order\":{\"fulfillmentOrders\":{\"nodes\":[{\"id\":"
                        + "\"gid://shopify/FulfillmentOrder/1\",\"status\":\"OPEN\",\"lineItems\":{\"nodes\":["
                        + "{\"id\":\"gid://shopify/FulfillmentOrderLineItem/11\",\"remainingQuantity\":2,"
                        + "\"lineItem\":{\"sku\":\"MUG-1\"}},"
                        + "{\"id\":\"gid://shopify/FulfillmentOrderLineItem/12\",\"remainingQuantity\":1,"
                        + "\"lineItem\":{\"sku\":\"TEE-1\"}}]}}]}}}}")));
    shopify.stubFor(
        post(GRAPHQL)
            .withRequestBody(containing("fulfillmentCreate"))
            .willReturn(
                okJson(
                    "{\"data\":{\"fulfillmentCreate\":{\"fulfillment\":{\"id\":\"gid://shopify/Fulfillment/9\"},"
                        + "\"userErrors\":[]}}}")));

    admin.fulfil(
        new ChannelShipment(
            "450789469", "o1", "s1", "UPS", "1Z999", List.of(new SkuQuantity("MUG-1", 1)), false));

    shopify.verify(
        postRequestedFor(urlEqualTo(GRAPHQL))
            .withRequestBody(
                matchingJsonPath(
                    "$.variables.fulfillment.lineItemsByFulfillmentOrder[0].fulfillmentOrderLineItems[0].id",
                    equalTo("gid://shopify/FulfillmentOrderLineItem/11")))
            .withRequestBody(
                matchingJsonPath(
                    "$.variables.fulfillment.lineItemsByFulfillmentOrder[0].fulfillmentOrderLineItems.length()",
                    equalTo("1")))
            .withRequestBody(
                matchingJsonPath("$.variables.fulfillment.trackingInfo.number", equalTo("1Z999"))));
  }
}
