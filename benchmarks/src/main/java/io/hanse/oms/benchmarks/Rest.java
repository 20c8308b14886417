package io.hanse.oms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** JSON over HTTP with basic auth: what a channel connector sends. */
public final class Rest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status and body. */
  public record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  public Rest(String base, String user, String password) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  public Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(json(path, body).method("PUT", publisher(body)), Map.of());
  }

  public Reply post(String path, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return send(json(path, body).POST(publisher(body)), headers);
  }

  private HttpRequest.Builder json(String path, Object body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher publisher(Object body) throws IOException {
    return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
  }

  private Reply send(HttpRequest.Builder request, Map<String, String> headers)
      throws IOException, InterruptedException {
    request.header("Authorization", authorization).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }
}
