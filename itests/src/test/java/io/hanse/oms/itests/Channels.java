package io.hanse.oms.itests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an operator and a platform do with channel instances: install, configure, post webhooks. */
final class Channels {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Channels() {}

  /** Installs a connector feature (if not yet) and drops an instance's file into etc/. */
  static void configure(String connector, String name, Map<String, String> keys)
      throws IOException {
    assertThat(Ssh.run("admin", "admin", "feature:install hanse-channel-" + connector).all())
        .doesNotContain("Error");
    String file =
        keys.entrySet().stream()
            .map(e -> e.getKey() + " = " + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(
        HanseServer.get().etc().resolve("io.hanse.oms.channel." + connector + "-" + name + ".cfg"),
        file);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Api.Reply status = Api.admin().get("/channels/" + name);
              assertThat(status.status()).as(status.toString()).isEqualTo(200);
              assertThat(status.json().path("problem").asText(null)).as(status.toString()).isNull();
            });
  }

  /** Deletes an instance's file from etc/: the instance goes away (its stub is about to). */
  static void remove(String connector, String name) throws IOException {
    Files.deleteIfExists(
        HanseServer.get().etc().resolve("io.hanse.oms.channel." + connector + "-" + name + ".cfg"));
  }

  static HttpResponse<String> post(String name, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(HanseServer.get().api("/channels/" + name + "/webhook").toString()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Base64 HMAC-SHA256 of the body: Shopify's, WooCommerce's and Hanse POS's signature. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return Api.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(r.statusCode() + " " + r.body(), e);
    }
  }
}
