package io.hanse.oms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * JSON over HTTP with basic auth: what a channel connector sends. Blocking, with a pool of
 * kept-alive connections (one per client thread): the load driver shares the two cores with the
 * server, so its HTTP should cost as little as it can (the JDK's asynchronous client took about
 * twice the CPU).
 */
public final class Rest implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Connections kept for a {@code Rest} that is not told how many clients it serves. */
  private static final int DEFAULT_CONNECTIONS = 16;

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

  private final CloseableHttpClient client;
  private final String base;
  private final String authorization;

  public Rest(String base, String user, String password) {
    this(base, user, password, DEFAULT_CONNECTIONS);
  }

  /**
   * @param connections how many requests may be under way at once: one per client thread, or
   *     clients wait for a connection and the wait counts as latency
   */
  public Rest(String base, String user, String password, int connections) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(30))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                    .setResponseTimeout(30, TimeUnit.SECONDS)
                    .build())
            .disableAutomaticRetries() // a retry would be a second order: the driver counts it
            .disableCookieManagement()
            .build();
  }

  public Reply get(String path) throws IOException {
    return send(new HttpGet(base + path), Map.of());
  }

  public Reply put(String path, Object body) throws IOException {
    HttpPut put = new HttpPut(base + path);
    put.setEntity(json(body));
    return send(put, Map.of());
  }

  public Reply post(String path, Object body, Map<String, String> headers) throws IOException {
    HttpPost post = new HttpPost(base + path);
    post.setEntity(json(body));
    return send(post, headers);
  }

  private static ByteArrayEntity json(Object body) throws IOException {
    return new ByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
  }

  private Reply send(ClassicHttpRequest request, Map<String, String> headers) throws IOException {
    request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
    headers.forEach(request::setHeader);
    return client.execute(
        request,
        response ->
            new Reply(
                response.getCode(),
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
