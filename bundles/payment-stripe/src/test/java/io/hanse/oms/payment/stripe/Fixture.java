package io.hanse.oms.payment.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stripe's published payloads under fixtures/published, as bytes or as JSON to adjust. */
final class Fixture {
  static final String PAYMENT_INTENT = "stripe_payment_intent_object_docs.json";
  static final String REFUND = "stripe_refund_object_docs.json";
  static final String EVENT = "stripe_event_openapi_fixture.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixture() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(Path.of(System.getProperty("hanse.fixtures"), name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode json(String name) {
    try {
      return (ObjectNode) JSON.readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented PaymentIntent, as it is after a confirmation with manual capture. */
  static ObjectNode authorized(String id, long amount) {
    ObjectNode pi = json(PAYMENT_INTENT);
    pi.put("id", id)
        .put("amount", amount)
        .put("amount_capturable", amount)
        .put("currency", "eur")
        .put("capture_method", "manual")
        .put("confirmation_method", "automatic")
        .put("status", "requires_capture")
        .put("payment_method", "pm_card_visa")
        .put("latest_charge", "ch_" + id.substring(3))
        .put("client_secret", id + "_secret_test");
    return pi;
  }

  static ObjectNode refund(String id, String paymentIntent, long amount, String status) {
    ObjectNode refund = json(REFUND);
    refund
        .put("id", id)
        .put("payment_intent", paymentIntent)
        .put("amount", amount)
        .put("currency", "eur")
        .put("status", status);
    return refund;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String text(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode error(String type, String code, String declineCode, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code);
    }
    if (declineCode != null) {
      error.put("decline_code", declineCode);
    }
    return body;
  }
}
