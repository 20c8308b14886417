package io.hanse.oms.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products, styles, kits and personalization over REST. */
class CatalogIT {
  private final Api admin = Api.admin();

  @Test
  void productsKeepEveryField() {
    String sku = Api.unique("SKU");
    Api.Reply put =
        admin.put(
            "/products/" + sku,
            Map.of(
                "name",
                "Oilskin jacket",
                "price",
                Fixtures.money("129.5"),
                "style",
                "OILSKIN",
                "attributes",
                Map.of("size", "L", "colour", "yellow"),
                "backorderable",
                true));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    JsonNode got = admin.get("/products/" + sku).json();
    assertThat(got.path("price").path("amount").asText()).isEqualTo("129.50");
    assertThat(got.path("price").path("currency").asText()).isEqualTo("EUR");
    assertThat(got.path("attributes").path("size").asText()).isEqualTo("L");
    assertThat(got.path("backorderable").asBoolean()).isTrue();
    assertThat(got.path("style").asText()).isEqualTo("OILSKIN");
  }

  @Test
  void aStyleGroupsVariantsAndRefusesTwins() {
    String style = Api.unique("STYLE");
    for (String size : List.of("S", "M")) {
      Api.Reply r =
          admin.put(
              "/products/" + style + "-" + size,
              Map.of(
                  "name",
                  size,
                  "price",
                  Fixtures.money("10.00"),
                  "style",
                  style,
                  "attributes",
                  Map.of("size", size)));
      assertThat(r.status()).isEqualTo(200);
    }
    JsonNode variants = admin.get("/styles/" + style).json().path("variants");
    assertThat(variants).hasSize(2);
    Api.Reply twin =
        admin.put(
            "/products/" + style + "-X",
            Map.of(
                "name",
                "twin",
                "price",
                Fixtures.money("10.00"),
                "style",
                style,
                "attributes",
                Map.of("size", "M")));
    assertThat(twin.status()).isEqualTo(409);
    assertThat(admin.get("/products/" + style + "-X").status()).isEqualTo(404);
  }

  @Test
  void kitsNeedExistingPlainComponents() {
    String part = Fixtures.product(admin, "5.00", false);
    String kit = Fixtures.kit(admin, "20.00", Map.of(part, 2));
    JsonNode got = admin.get("/products/" + kit).json();
    assertThat(got.path("components").get(0).path("quantity").asInt()).isEqualTo(2);

    String bad = Api.unique("KIT");
    Api.Reply unknown =
        admin.put(
            "/products/" + bad,
            Map.of(
                "name",
                "k",
                "price",
                Fixtures.money("1.00"),
                "components",
                List.of(Map.of("sku", Api.unique("NOPE"), "quantity", 1))));
    assertThat(unknown.status()).isEqualTo(400);
    Api.Reply nested =
        admin.put(
            "/products/" + bad,
            Map.of(
                "name",
                "k",
                "price",
                Fixtures.money("1.00"),
                "components",
                List.of(Map.of("sku", kit, "quantity", 1))));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(admin.get("/products/" + bad).status()).isEqualTo(404);
  }

  @Test
  void personalizationIsValidatedOnTheOrderLine() {
    String template = Api.unique("TPL");
    Api.Reply t =
        admin.put(
            "/personalization-templates/" + template,
            Map.of(
                "name",
                "Monogram",
                "fields",
                List.of(
                    Map.of(
                        "name",
                        "initials",
                        "maxLength",
                        3,
                        "allowedCharacters",
                        "A-Z",
                        "required",
                        true),
                    Map.of("name", "note", "maxLength", 10, "required", false))));
    assertThat(t.status()).as(t.toString()).isEqualTo(200);
    String sku = Api.unique("SKU");
    Api.Reply p =
        admin.put(
            "/products/" + sku,
            Map.of(
                "name",
                "Flask",
                "price",
                Fixtures.money("30.00"),
                "personalizationTemplate",
                template));
    assertThat(p.status()).isEqualTo(200);
    String location = Fixtures.location(admin, "WAREHOUSE", "web");
    Fixtures.stock(admin, sku, location, 10);

    for (Map<String, String> wrong :
        List.of(
            Map.of("initials", "ABCD"),
            Map.of("initials", "ab"),
            Map.of("note", "hi"),
            Map.of("initials", "AB", "colour", "red"))) {
      Api.Reply r = Api.agent().post("/orders", order(sku, wrong));
      assertThat(r.status()).as(wrong.toString()).isEqualTo(400);
    }
    assertThat(admin.get("/stock/" + sku).json().path("reserved").asInt()).isZero();

    Api.Reply ok =
        Api.agent().post("/orders", order(sku, Map.of("initials", "HJ", "note", "Ahoy")));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(ok.json().path("lines").get(0).path("personalization").path("initials").asText())
        .isEqualTo("HJ");

    String plain = Fixtures.product(admin, "1.00", false);
    Fixtures.stock(admin, plain, location, 1);
    assertThat(Api.agent().post("/orders", order(plain, Map.of("initials", "X"))).status())
        .isEqualTo(400);
  }

  private static Map<String, Object> order(String sku, Map<String, String> personalization) {
    return Map.of(
        "channel", "web",
        "customer", Map.of("email", "engrave@example.com"),
        "lines", List.of(Map.of("sku", sku, "quantity", 1, "personalization", personalization)));
  }
}
