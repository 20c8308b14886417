package io.hanse.oms.channel.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/** The REST API v3 calls against a stub speaking WooCommerce's wire format. */
class WooApiTest {
  private static final String V3 = "/wp-json/wc/v3";
  private WireMockServer woo;
  private WooApi api;

  @BeforeEach
  void start() {
    woo = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    woo.start();
    api = new WooApi(woo.baseUrl(), "ck_test", "cs_test", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    woo.stop();
  }

  @Test
  void setsStockOfProductsInABatchAndOfVariationsOneByOne() throws IOException {
    woo.stubFor(
        get(V3 + "/products?sku=MUG-1")
            .willReturn(okJson("[{\"id\":93,\"sku\":\"MUG-1\",\"parent_id\":0}]")));
    woo.stubFor(
        get(V3 + "/products?sku=TEE-M")
            .willReturn(okJson("[{\"id\":733,\"sku\":\"TEE-M\",\"parent_id\":22}]")));
    woo.stubFor(get(V3 + "/products?sku=GONE").willReturn(okJson("[]")));
    woo.stubFor(post(V3 + "/products/batch").willReturn(okJson("{\"update\":[]}")));
    woo.stubFor(put(V3 + "/products/22/variations/733").willReturn(okJson("{\"id\":733}")));

    api.setStock(
        List.of(
            new Availability("MUG-1", 7),
            new Availability("TEE-M", 2),
            new Availability("GONE", 1)));
    api.setStock(List.of(new Availability("MUG-1", 6)));

    woo.verify(
        1,
        getRequestedFor(urlPathEqualTo(V3 + "/products")).withQueryParam("sku", equalTo("MUG-1")));
    woo.verify(
        postRequestedFor(urlEqualTo(V3 + "/products/batch"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("ck_test", "cs_test"))
            .withRequestBody(matchingJsonPath("$.update[0].id", equalTo("93")))
            .withRequestBody(matchingJsonPath("$.update[0].stock_quantity", equalTo("6"))));
    woo.verify(
        putRequestedFor(urlEqualTo(V3 + "/products/22/variations/733"))
            .withRequestBody(matchingJsonPath("$.stock_quantity", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.manage_stock", equalTo("true"))));
  }

  @Test
  void aShipmentIsANoteAndTheLastOneCompletesTheOrder() throws IOException {
    woo.stubFor(post(V3 + "/orders/727/notes").willReturn(okJson("{\"id\":281}")));
    woo.stubFor(
        put(V3 + "/orders/727").willReturn(okJson("{\"id\":727,\"status\":\"completed\"}")));
    List<SkuQuantity> lines = List.of(new SkuQuantity("Bar3", 1));
    api.shipped(new ChannelShipment("727", "o", "s1", "DHL", "JJD1", lines, false));
    woo.verify(0, putRequestedFor(urlEqualTo(V3 + "/orders/727")));
    api.shipped(new ChannelShipment("727", "o", "s2", "DHL", "JJD2", lines, true));
    woo.verify(
        postRequestedFor(urlEqualTo(V3 + "/orders/727/notes"))
            .withRequestBody(
                matchingJsonPath(
                    "$.note", com.github.tomakehurst.wiremock.client.WireMock.containing("JJD2")))
            .withRequestBody(matchingJsonPath("$.customer_note", equalTo("true"))));
    woo.verify(
        putRequestedFor(urlEqualTo(V3 + "/orders/727"))
            .withRequestBody(matchingJsonPath("$.status", equalTo("completed"))));
  }

  @Test
  void refusalsAreFailuresToRetry() {
    woo.stubFor(
        put(V3 + "/orders/1")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":\"Sorry, you are not allowed to edit this resource.\"}")));
    IOException e = assertThrows(IOException.class, () -> api.status("1", "cancelled"));
    assertTrue(e.getMessage().contains("401"));
    assertTrue(e.getMessage().contains("not allowed"));
  }
}
