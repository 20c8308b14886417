package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A flash sale: the last units of a SKU, in a store that also ships web orders, sold through
 * Shopify, WooCommerce, the store's tills and the call center at once. Exactly as many orders take
 * stock as there are units; the others are kept, on hold, and every web channel ends up showing
 * none left.
 */
class MultiChannelIT {
  private static final int UNITS = 50;
  private static final int ORDERS = 200;
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);

  @Test
  void theLastUnitsAreSoldExactlyOnceAcrossChannels() throws Exception {
    Api admin = Api.admin();
    String location = Fixtures.location(admin, "STORE", "web", "store", "catalog");
    String sku = Fixtures.product(admin, "10.00", false);
    Fixtures.stock(admin, sku, location, UNITS);
    try (ShopifyStub shopify = new ShopifyStub(List.of(sku));
        WooStub woo = new WooStub(List.of(sku))) {
      Channels.configure(
          "shopify",
          "flashshop",
          Map.of(
              "webhookSecret", "flash-shopify",
              "adminApiUrl", shopify.adminApiUrl(),
              "accessToken", "shpat_flash",
              "location", "1"));
      Channels.configure(
          "woocommerce",
          "flashwoo",
          Map.of(
              "webhookSecret", "flash-woo",
              "siteUrl", woo.siteUrl(),
              "consumerKey", "ck",
              "consumerSecret", "cs"));
      Channels.configure(
          "pos", "flashstore", Map.of("terminalSecret", "flash-pos", "location", location));

      Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> sent = new ArrayList<>();
      Api agent = Api.agent();
      for (int i = 0; i < ORDERS; i++) {
        int n = i;
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  long id = IDS.incrementAndGet();
                  String outcome;
                  switch (n % 4) {
                    case 0 -> {
                      byte[] body = ShopifyChannelIT.body(id, sku, 1);
                      HttpResponse<String> r =
                          Channels.post(
                              "flashshop",
                              body,
                              Map.of(
                                  "X-Shopify-Hmac-Sha256",
                                  Channels.sign("flash-shopify", body),
                                  "X-Shopify-Topic",
                                  "orders/create",
                                  "X-Shopify-Webhook-Id",
                                  "flash-" + id));
                      outcome = r.statusCode() + " " + Channels.json(r).path("outcome").asText();
                    }
                    case 1 -> {
                      byte[] body = WooCommerceChannelIT.order(id, "processing", sku, 1);
                      HttpResponse<String> r =
                          Channels.post(
                              "flashwoo",
                              body,
                              Map.of(
                                  "X-WC-Webhook-Signature",
                                  Channels.sign("flash-woo", body),
                                  "X-WC-Webhook-Topic",
                                  "order.created",
                                  "X-WC-Webhook-Delivery-ID",
                                  "flash-" + id));
                      outcome = r.statusCode() + " " + Channels.json(r).path("outcome").asText();
                    }
                    case 2 -> {
                      byte[] body = PosChannelIT.sale("FLASH-" + id, sku, 1);
                      HttpResponse<String> r =
                          Channels.post(
                              "flashstore",
                              body,
                              Map.of("X-Hanse-Pos-Signature", Channels.sign("flash-pos", body)));
                      outcome = r.statusCode() + " " + Channels.json(r).path("outcome").asText();
                    }
                    default -> {
                      Api.Reply r =
                          agent.post(
                              "/orders",
                              Fixtures.order("phone", "caller" + id + "@example.com", sku, 1));
                      outcome = r.status() == 201 ? "201 ACCEPTED" : String.valueOf(r.status());
                    }
                  }
                  outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : sent) {
        f.get();
      }
      pool.shutdown();

      assertThat(outcomes.keySet())
          .as("webhooks are all taken (accepted or held), the call center is told 409")
          .containsAnyOf("200 ACCEPTED", "201 ACCEPTED")
          .allMatch(
              k ->
                  k.equals("200 ACCEPTED")
                      || k.equals("201 ACCEPTED")
                      || k.equals("200 RECORDED")
                      || k.equals("200 ON_HOLD")
                      || k.equals("409"));
      int sold = outcomes.getOrDefault("200 RECORDED", new AtomicInteger()).get();
      int accepted =
          outcomes.getOrDefault("200 ACCEPTED", new AtomicInteger()).get()
              + outcomes.getOrDefault("201 ACCEPTED", new AtomicInteger()).get()
              + sold;
      assertThat(accepted).as(outcomes.toString()).isEqualTo(UNITS);
      int held = outcomes.getOrDefault("200 ON_HOLD", new AtomicInteger()).get();
      int refused = outcomes.getOrDefault("409", new AtomicInteger()).get();
      assertThat(accepted + held + refused).isEqualTo(ORDERS);

      var stock = admin.get("/stock/" + sku).json();
      assertThat(stock.path("onHand").asInt())
          .as("the tills' sales left the store")
          .isEqualTo(UNITS - sold);
      assertThat(stock.path("reserved").asInt()).isEqualTo(UNITS - sold);
      assertThat(stock.path("available").asInt()).isZero();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(shopify.lastQuantity(sku)).isZero();
                assertThat(woo.lastStock(sku)).isZero();
              });
    } finally {
      Channels.remove("shopify", "flashshop");
      Channels.remove("woocommerce", "flashwoo");
      Channels.remove("pos", "flashstore");
    }
  }
}
