package io.hanse.oms.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** A REST client as a channel or an agent's tool would use it: JSON over HTTP, basic auth. */
public final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Looked up at the first request, so that {@code Api.admin().on(other)} never boots the shared
   * one.
   */
  private final Supplier<HanseServer> server;

  private final String authorization;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Api(Supplier<HanseServer> server, String authorization) {
    this.server = server;
    this.authorization = authorization;
  }

  public static Api as(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(HanseServer::get, "Basic " + token);
  }

  /** The same client against another server. */
  public Api on(HanseServer other) {
    Api copy = new Api(() -> other, authorization);
    copy.headers.putAll(headers);
    return copy;
  }

  public static Api admin() {
    return as("admin", "admin");
  }

  public static Api agent() {
    return as("agent", "agent");
  }

  public static Api anonymous() {
    return new Api(HanseServer::get, null);
  }

  /** A copy that sends one more header on every request. */
  public Api with(String name, String value) {
    Api copy = new Api(server, authorization);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  public Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** Sends a raw body exactly as given. */
  public Reply send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(server.get().api(path)).timeout(Duration.ofSeconds(60));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        byte[] bytes =
            body instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
      }
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A unique suffix, so that tests sharing one server never collide. */
  public static String unique(String prefix) {
    return prefix
        + "-"
        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  /** An HTTP answer with its body parsed as JSON when it is JSON. */
  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return response.statusCode() + " " + response.body();
    }
  }
}
