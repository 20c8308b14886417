package io.hanse.oms.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A store's terminals: sales and returns at the till, an offline batch uploaded twice. */
class PosChannelIT {
  private static final String SECRET = "it-store-secret";
  private static final String STORE = "itstore";
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

  private static Api admin;
  private static String store;
  private static String sku;

  @BeforeAll
  static void installTheConnector() throws Exception {
    admin = Api.admin();
    store = Fixtures.location(admin, "STORE", "store");
    sku = Fixtures.product(admin, "10.00", false);
    Fixtures.stock(admin, sku, store, 10);
    Channels.configure("pos", STORE, Map.of("terminalSecret", SECRET, "location", store));
  }

  @AfterAll
  static void removeTheStore() throws Exception {
    Channels.remove("pos", STORE);
  }

  @Test
  void aSaleLeavesTheStoreAtOnceAndOnlyOnce() {
    int before = onHand();
    String saleId = "S-" + IDS.incrementAndGet();
    HttpResponse<String> r = send(sale(saleId, 2));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = Channels.json(r);
    assertThat(result.path("outcome").asText()).isEqualTo("RECORDED");
    JsonNode order = admin.get("/orders/" + result.path("orderId").asText()).json();
    assertThat(order.path("status").asText()).isEqualTo("SHIPPED");
    assertThat(order.path("channel").asText()).isEqualTo(STORE);
    assertThat(order.path("shipments").get(0).path("carrier").asText()).isEqualTo("in-store");
    assertThat(onHand()).isEqualTo(before - 2);

    HttpResponse<String> again = send(sale(saleId, 2));
    assertThat(Channels.json(again).path("duplicate").asBoolean()).isTrue();
    assertThat(onHand()).isEqualTo(before - 2);
  }

  @Test
  void aReturnComesBackOnceAndIsNotReplayed() {
    int before = onHand();
    String returnId = "R-" + IDS.incrementAndGet();
    byte[] body =
        ("{\"type\":\"return\",\"returnId\":\""
                + returnId
                + "\",\"lines\":[{\"sku\":\""
                + sku
                + "\",\"quantity\":1}]}")
            .getBytes(UTF_8);
    JsonNode result = Channels.json(send(body));
    assertThat(result.path("outcome").asText()).isEqualTo("RECORDED");
    assertThat(Channels.json(send(body)).path("duplicate").asBoolean()).isTrue();
    assertThat(onHand()).isEqualTo(before + 1);
    Api.Reply replay =
        admin.post(
            "/channels/" + STORE + "/inbox/" + result.path("entryId").asLong() + "/replay",
            Map.of());
    assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
    assertThat(onHand()).isEqualTo(before + 1);
  }

  @Test
  void anOfflineBatchCanBeUploadedTwice() {
    String earlier = "S-" + IDS.incrementAndGet();
    send(sale(earlier, 1));
    int before = onHand();
    String a = "S-" + IDS.incrementAndGet();
    String b = "S-" + IDS.incrementAndGet();
    byte[] batch =
        ("{\"type\":\"batch\",\"messages\":["
                + new String(sale(a, 1), UTF_8)
                + ","
                + new String(sale(b, 2), UTF_8)
                + ","
                + new String(sale(earlier, 1), UTF_8)
                + "]}")
            .getBytes(UTF_8);
    JsonNode first = Channels.json(send(batch));
    assertThat(first.path("parts")).hasSize(3);
    assertThat(first.path("parts").get(0).path("outcome").asText()).isEqualTo("RECORDED");
    assertThat(first.path("parts").get(1).path("outcome").asText()).isEqualTo("RECORDED");
    assertThat(first.path("parts").get(2).path("duplicate").asBoolean()).isTrue();
    assertThat(onHand()).isEqualTo(before - 3);

    JsonNode second = Channels.json(send(batch));
    assertThat(second.path("duplicate").asBoolean()).isTrue();
    assertThat(onHand()).isEqualTo(before - 3);
  }

  @Test
  void aSaleTheStockRecordDoesNotCoverWaitsForTheCountAndReservesNothingElsewhere() {
    int before = onHand();
    int reservedBefore = admin.get("/stock/" + sku).json().path("reserved").asInt();
    String saleId = "S-" + IDS.incrementAndGet();
    JsonNode result = Channels.json(send(sale(saleId, before + 5)));
    assertThat(result.path("outcome").asText()).isEqualTo("ON_HOLD");
    assertThat(result.path("detail").asText()).contains("store sale at " + store + " not covered");
    assertThat(onHand()).isEqualTo(before);
    assertThat(admin.get("/stock/" + sku).json().path("reserved").asInt())
        .isEqualTo(reservedBefore);

    // the shelf is counted, the record corrected; replaying the sale takes it at this store
    Fixtures.stock(admin, sku, store, 5);
    Api.Reply replay =
        admin.post(
            "/channels/" + STORE + "/inbox/" + result.path("entryId").asLong() + "/replay",
            Map.of());
    assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
    assertThat(replay.json().path("outcome").asText()).isEqualTo("RECORDED");
    assertThat(onHand()).isZero();
    Fixtures.stock(admin, sku, store, 10);
  }

  @Test
  void aSaleOfAnUnknownSkuIsKeptOnHoldReservingNothing() {
    int before = onHand();
    String unknown = Api.unique("TILLONLY");
    JsonNode result = Channels.json(send(sale("S-" + IDS.incrementAndGet(), unknown, 1)));
    assertThat(result.path("outcome").asText()).isEqualTo("ON_HOLD");
    assertThat(result.path("detail").asText()).contains("unknown sku: " + unknown);
    assertThat(onHand()).isEqualTo(before);
  }

  @Test
  void terminalsLookUpStockInOtherStoresAndForgeriesAreRefused() {
    Api.Reply stock = Api.as("channel", "channel").get("/stock/" + sku + "?department=store");
    assertThat(stock.status()).isEqualTo(200);
    assertThat(stock.json().path("locations").toString()).contains(store);
    byte[] body = sale("S-" + IDS.incrementAndGet(), 1);
    HttpResponse<String> forged =
        Channels.post(STORE, body, Map.of("X-Hanse-Pos-Signature", Channels.sign("guess", body)));
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  private static int onHand() {
    for (JsonNode l : admin.get("/stock/" + sku).json().path("locations")) {
      if (l.path("location").asText().equals(store)) {
        return l.path("onHand").asInt();
      }
    }
    return 0;
  }

  static byte[] sale(String saleId, int quantity) {
    return sale(saleId, sku, quantity);
  }

  static byte[] sale(String saleId, String sku, int quantity) {
    return ("{\"type\":\"sale\",\"saleId\":\""
            + saleId
            + "\",\"terminal\":\"T1\",\"lines\":[{\"sku\":\""
            + sku
            + "\",\"quantity\":"
            + quantity
            + "}]}")
        .getBytes(UTF_8);
  }

  private static HttpResponse<String> send(byte[] body) {
    return Channels.post(
        STORE,
        body,
        Map.of("X-Hanse-Pos-Signature", Channels.sign(SECRET, body), "X-Hanse-Pos-Terminal", "T1"));
  }
}
