package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server as a newcomer meets it: demo store, OpenAPI, authentication and bad input. */
class ServerIT {

  @Test
  void healthAndOpenApiArePublic() {
    assertThat(Api.anonymous().get("/health").status()).isEqualTo(200);
    Api.Reply doc = Api.anonymous().get("/openapi.json");
    assertThat(doc.status()).isEqualTo(200);
    JsonNode paths = doc.json().path("paths");
    assertThat(doc.json().path("openapi").asText()).startsWith("3.");
    assertThat(paths.has("/orders")).isTrue();
    assertThat(paths.has("/orders/{id}/shipments")).isTrue();
    assertThat(paths.has("/stock/{sku}")).isTrue();
    assertThat(paths.has("/products/{sku}")).isTrue();
    assertThat(paths.has("/customers/{id}")).isTrue();
  }

  @Test
  void demoStoreIsSeeded() {
    Api api = Api.agent();
    // the demo store seeds itself in the background once the core is up
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> api.get("/customers?q=walk-in@example.com").json().size() == 1);
    JsonNode tee = api.get("/products/TEE-NAVY-M").json();
    assertThat(tee.path("price").path("amount").asText()).isEqualTo("24.90");
    assertThat(tee.path("price").has("negative")).isFalse();
    assertThat(api.get("/styles/TEE-HARBOUR").json().path("variants")).hasSize(6);
    JsonNode kit = api.get("/products/GIFTBOX-SAILOR").json();
    assertThat(kit.path("kit").asBoolean()).isTrue();
    assertThat(api.get("/stock/GIFTBOX-SAILOR").json().path("available").asInt()).isPositive();
    assertThat(api.get("/customers?q=greta").json()).isNotEmpty();
  }

  @Test
  void everyInterfaceNeedsCredentials() {
    Api.Reply anonymous = Api.anonymous().get("/orders");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);

    assertThat(Api.as("admin", "wrong").get("/orders").status()).isEqualTo(401);
    assertThat(Api.as("nobody", "admin").get("/orders").status()).isEqualTo(401);
    assertThat(Api.anonymous().post("/orders", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void aRoleTooLowIsForbiddenAndChangesNothing() {
    String sku = Api.unique("SKU");
    Api.Reply r =
        Api.agent().put("/products/" + sku, Map.of("name", "x", "price", Fixtures.money("1.00")));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("type").asText()).endsWith("/forbidden");
    assertThat(Api.admin().get("/products/" + sku).status()).isEqualTo(404);
    assertThat(Api.as("channel", "channel").get("/customers?q=a").status()).isEqualTo(403);
  }

  @Test
  void unknownRoutesAreProblems() {
    Api.Reply r = Api.admin().get("/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Api.admin().get("/orders/" + Api.unique("nope")).json().path("status").asInt())
        .isEqualTo(404);
  }

  @Test
  void malformedUnknownAndOversizedBodiesAreRefused() {
    String sku = Api.unique("SKU");
    Api admin = Api.admin();
    Api.Reply malformed = admin.send("PUT", "/products/" + sku, "{\"name\": \"x\", \"price\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("type").asText()).endsWith("/malformed-json");

    Api.Reply unknownField =
        admin.put(
            "/products/" + sku,
            Map.of("name", "x", "price", Fixtures.money("1.00"), "colour", "red"));
    assertThat(unknownField.status()).isEqualTo(400);

    Api.Reply tooPrecise =
        admin.put("/products/" + sku, Map.of("name", "x", "price", Fixtures.money("1.001")));
    assertThat(tooPrecise.status()).isEqualTo(400);

    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertThat(admin.send("PUT", "/products/" + sku, huge).status()).isEqualTo(413);

    Api.Reply invalid = admin.put("/products/" + sku, Map.of("name", "", "components", List.of()));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors")).isNotEmpty();

    assertThat(admin.get("/products/" + sku).status()).isEqualTo(404);
  }
}
