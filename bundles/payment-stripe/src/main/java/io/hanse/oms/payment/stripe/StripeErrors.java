package io.hanse.oms.payment.stripe;

import io.hanse.oms.api.payment.PaymentUnavailableException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Stripe errors are answers and which mean "ask again later". A card error (402), a request
 * Stripe refuses (400) and an unknown object (404) are answers: the operation is declined. Rate
 * limits (429), a request still running under the same idempotency key (409), Stripe's own errors
 * (5xx, {@code api_error}) and a key Stripe rejects (401, 403) leave the outcome open: the core
 * retries later with the same idempotency key, which makes Stripe repeat its first answer.
 */
final class StripeErrors {
  private static final Logger LOG = LoggerFactory.getLogger(StripeErrors.class);

  /** 12 to 19 digits, possibly grouped: a card number, which never leaves this class in a text. */
  private static final Pattern PAN = Pattern.compile("\\d(?:[ -]?\\d){11,18}");

  private static final int MAX_MESSAGE = 300;

  private StripeErrors() {}

  /**
   * Returns the error when it is an answer.
   *
   * @param shouldRetry Stripe's {@code Stripe-Should-Retry} header, or {@code null}
   * @throws PaymentUnavailableException when it is not
   */
  static StripeError requireAnswer(
      StripeError error, String shouldRetry, String operation, String requestId) {
    int status = error.status();
    if (status == 401) {
      throw new PaymentUnavailableException(
          "Stripe rejected the API key (HTTP 401): check apiKey in"
              + " etc/io.hanse.oms.payment.stripe.cfg");
    }
    if (status == 403) {
      throw new PaymentUnavailableException(
          "the Stripe API key may not "
              + operation
              + " (HTTP 403): check apiKey in etc/io.hanse.oms.payment.stripe.cfg; a restricted key"
              + " needs write access to PaymentIntents, PaymentMethods and Refunds");
    }
    if ("idempotency_error".equals(error.type()) && status != 409) {
      // The key was used before with other parameters (a 409 is the first request still running):
      // what became of the first request can't be told from here, and someone should look.
      LOG.error(
          "Stripe refused the idempotency key of {} (HTTP {}, request {}): {}",
          operation,
          status,
          requestId,
          error.message());
      throw new PaymentUnavailableException(
          "Stripe refused the idempotency key of " + operation + ": " + error.message());
    }
    // 400, 402 and 404 are answers; anything else (409, 429, 5xx, a 424 or a proxy's 3xx) is not
    boolean answer = status == 400 || status == 402 || status == 404;
    boolean retry = !answer || "api_error".equals(error.type()) || "true".equals(shouldRetry);
    if (retry) {
      LOG.warn(
          "Stripe did not complete {} (HTTP {}, {}, request {}); it is retried later",
          operation,
          status,
          error.reason(),
          requestId);
      throw new PaymentUnavailableException(
          "Stripe could not "
              + operation
              + " now (HTTP "
              + status
              + (error.message() == null ? "" : ": " + error.message())
              + "); retried later with the same idempotency key");
    }
    return error;
  }

  /** Stripe's message without anything that looks like a card number, and not too long. */
  static String safe(String message) {
    if (message == null) {
      return null;
    }
    String safe = PAN.matcher(message).replaceAll("[redacted]");
    return safe.length() > MAX_MESSAGE ? safe.substring(0, MAX_MESSAGE) + "…" : safe;
  }
}
