package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's REST API over {@link HttpClient}: form-encoded POSTs with the secret key as bearer
 * token, a pinned {@code Stripe-Version} so that Stripe's answers keep the shape this code reads,
 * and the operation's idempotency key so that a retry after a timeout gets the first answer instead
 * of a second charge. Anything that leaves the outcome open is a {@link
 * PaymentUnavailableException}.
 */
final class StripeClient {
  /**
   * The API version the code is written against. From this version on a partial capture or a
   * cancellation no longer creates a Refund, so {@code refund.*} events are real refunds only.
   */
  static final String API_VERSION = "2025-03-31.basil";

  private static final Logger LOG = LoggerFactory.getLogger(StripeClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI apiUrl;
  private final String apiKey;
  private final Duration timeout;

  StripeClient(String apiUrl, String apiKey, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.apiUrl = URI.create(apiUrl.replaceAll("/+$", "") + "/");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  /**
   * POSTs {@code form} to {@code path} (such as {@code v1/payment_intents}).
   *
   * @param operation what the call does, for messages: {@code "authorize order 42"}
   * @return the object, or the error when it is an answer (a decline, an invalid request)
   * @throws PaymentUnavailableException when Stripe did not answer, or not conclusively
   */
  StripeResponse post(String path, StripeForm form, String idempotencyKey, String operation) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      // without a key a retry could charge twice: a caller's bug, never sent
      throw new IllegalArgumentException("an idempotency key is required to " + operation);
    }
    HttpRequest request =
        HttpRequest.newBuilder(apiUrl.resolve(path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + apiKey)
            .header("Stripe-Version", API_VERSION)
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = send(request, operation);
    String requestId = response.headers().firstValue("Request-Id").orElse("-");
    int status = response.statusCode();
    JsonNode body = read(response.body());
    if (status / 100 == 2) {
      if (body == null || !body.isObject()) {
        throw new PaymentUnavailableException(
            "Stripe's answer to " + operation + " could not be read (request " + requestId + ")");
      }
      LOG.debug("Stripe did {} (request {})", operation, requestId);
      return new StripeResponse(body, null);
    }
    JsonNode errorBody = body == null ? JSON.createObjectNode() : body;
    StripeError error =
        StripeErrors.requireAnswer(
            StripeError.of(status, errorBody),
            response.headers().firstValue("Stripe-Should-Retry").orElse(null),
            operation,
            requestId);
    LOG.info(
        "Stripe declined {} (HTTP {}, {}, request {})",
        operation,
        status,
        error.reason(),
        requestId);
    return new StripeResponse(errorBody, error);
  }

  private HttpResponse<String> send(HttpRequest request, String operation) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      LOG.warn("Stripe did not answer {} within {} ms", operation, timeout.toMillis());
      throw new PaymentUnavailableException(
          "Stripe did not answer "
              + operation
              + " in time; retried later with the same idempotency key",
          e);
    } catch (IOException e) {
      LOG.warn("Stripe could not be reached for {}: {}", operation, e.toString());
      throw new PaymentUnavailableException(
          "Stripe could not be reached for " + operation + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentUnavailableException("interrupted while waiting for Stripe", e);
    }
  }

  private static JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
