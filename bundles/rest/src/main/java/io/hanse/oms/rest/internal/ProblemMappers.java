package io.hanse.oms.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.IdempotencyKeyReusedException;
import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.ChannelUnavailableException;
import io.hanse.oms.api.channel.WebhookPingException;
import io.hanse.oms.api.channel.WebhookRejectedException;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into problem JSON with the right status; nothing leaks a stack trace. */
public final class ProblemMappers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

  private ProblemMappers() {}

  /** Refusals of the domain: 400, 404, 409 or 422. */
  public static class Oms implements ExceptionMapper<OmsException> {
    @Override
    public Response toResponse(OmsException e) {
      if (e instanceof ValidationException v) {
        return Problem.response(
            400, v.code(), "Invalid request", v.getMessage(), Map.of("errors", v.errors()));
      }
      if (e instanceof NotFoundException) {
        return Problem.response(404, e.code(), "Not found", e.getMessage());
      }
      if (e instanceof InsufficientStockException s) {
        return Problem.response(
            409,
            s.code(),
            "Insufficient stock",
            s.getMessage(),
            Map.of("shortages", s.shortages()));
      }
      if (e instanceof ConflictException) {
        return Problem.response(409, e.code(), "Conflict", e.getMessage());
      }
      if (e instanceof WebhookPingException) {
        return Response.ok(
                Map.of("outcome", "IGNORED", "detail", e.getMessage()),
                javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      if (e instanceof WebhookRejectedException) {
        return Problem.response(401, e.code(), "Webhook rejected", e.getMessage());
      }
      if (e instanceof ChannelUnavailableException) {
        // Platforms retry a 503: nothing was stored, nothing is lost.
        return Response.fromResponse(
                Problem.response(503, e.code(), "Channel unavailable", e.getMessage()))
            .header(HttpHeaders.RETRY_AFTER, "30")
            .build();
      }
      if (e instanceof IdempotencyKeyReusedException) {
        return Problem.response(422, e.code(), "Idempotency key reused", e.getMessage());
      }
      return Problem.response(400, e.code(), "Request refused", e.getMessage());
    }
  }

  /** Bodies that are not the JSON we expect. */
  public static class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      if (e.getCause() instanceof OmsException oms) {
        return new Oms().toResponse(oms);
      }
      return Problem.response(
          400, "malformed-json", "Malformed JSON", redactDigits(e.getOriginalMessage()));
    }
  }

  /**
   * Parsers quote the value they could not read; a card number sent in the wrong field must not
   * come back in an error (or reach a log that records errors).
   */
  static String redactDigits(String message) {
    return message == null ? null : message.replaceAll("\\d[\\d -]{10,}\\d", "[redacted]");
  }

  /** Errors JAX-RS itself raises: unknown route, wrong method or media type, bad body. */
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BodyLimitFilter.TooLarge) {
          return Problem.response(413, "payload-too-large", "Payload too large", t.getMessage());
        }
        if (t instanceof JsonProcessingException json) {
          return new Json().toResponse(json);
        }
        if (t instanceof OmsException oms) {
          return new Oms().toResponse(oms);
        }
      }
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      return Problem.response(
          status,
          title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
          title,
          status == 404 ? "no such resource" : null);
    }
  }

  /** Anything else is our fault: log it with an id the caller can quote. */
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException web) {
        return new Web().toResponse(web);
      }
      if (e instanceof OmsException oms) {
        return new Oms().toResponse(oms);
      }
      String id = UUID.randomUUID().toString();
      LOG.error("Request failed, error id {}", id, e);
      return Problem.response(
          500, "internal-error", "Internal error", "the error was logged with id " + id);
    }
  }
}
