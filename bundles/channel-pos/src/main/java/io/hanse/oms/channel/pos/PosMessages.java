package io.hanse.oms.channel.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What store terminals send, signed with the store's secret (base64 HMAC-SHA256 of the body in
 * {@code X-Hanse-Pos-Signature}):
 *
 * <pre>
 * {"type":"sale","saleId":"HH-T1-000123","terminal":"T1","soldAt":"…",
 *  "customer":{"email","name","phone"},"lines":[{"sku","quantity"}]}
 * {"type":"return","returnId":"HH-T1-R-45","saleId":"HH-T1-000123","lines":[{"sku","quantity"}]}
 * {"type":"batch","messages":[ sale or return, … ]}     (sales made while offline)
 * </pre>
 *
 * Each sale and return is one delivery, named by its id, so uploading a batch again is safe.
 */
final class PosMessages {
  static final String SIGNATURE = "X-Hanse-Pos-Signature";
  static final String TERMINAL = "X-Hanse-Pos-Terminal";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PosMessages() {}

  static InboundMessage verify(WebhookRequest request, String secret) {
    Signatures.requireBase64HmacSha256(request, SIGNATURE, secret);
    Map<String, String> kept = new LinkedHashMap<>();
    if (request.header(TERMINAL) != null) {
      kept.put(TERMINAL, request.header(TERMINAL));
    }
    JsonNode body = readOrNull(request.text());
    String type = body == null ? "unreadable" : body.path("type").asText("unknown");
    return new InboundMessage(deliveryId(body, request.body()), type, kept, request.text());
  }

  /** A batch becomes one message per sale or return; anything else stays as it is. */
  static List<InboundMessage> split(InboundMessage message) {
    JsonNode body = readOrNull(message.body());
    if (body == null || !"batch".equals(message.topic()) || !body.path("messages").isArray()) {
      return List.of(message);
    }
    List<InboundMessage> parts = new ArrayList<>();
    for (JsonNode part : body.path("messages")) {
      String text = part.toString();
      parts.add(
          new InboundMessage(
              deliveryId(part, text.getBytes(StandardCharsets.UTF_8)),
              part.path("type").asText("unknown"),
              message.headers(),
              text));
    }
    return parts.isEmpty() ? List.of(message) : parts;
  }

  private static String deliveryId(JsonNode body, byte[] raw) {
    if (body != null) {
      String type = body.path("type").asText("");
      // ids too long for the inbox are named by their body instead, which is as stable
      if (type.equals("sale")
          && body.hasNonNull("saleId")
          && body.get("saleId").asText().length() <= 150) {
        return "sale:" + body.get("saleId").asText();
      }
      if (type.equals("return")
          && body.hasNonNull("returnId")
          && body.get("returnId").asText().length() <= 150) {
        return "return:" + body.get("returnId").asText();
      }
    }
    return Signatures.bodyId(raw);
  }

  static ChannelAction map(InboundMessage message, String store, String location) {
    JsonNode body = readOrNull(message.body());
    if (body == null) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    return switch (message.topic()) {
      case "sale" -> sale(body, store, location);
      case "return" -> returned(body, location);
      default -> ChannelAction.ignore(null, "type " + message.topic() + " is not handled");
    };
  }

  private static ChannelAction sale(JsonNode sale, String store, String location) {
    String saleId = required(sale, "saleId");
    JsonNode customer = sale.path("customer");
    String email = text(customer, "email");
    CustomerRef ref =
        email == null
            // Anonymous store sales share one walk-in customer per store.
            ? new CustomerRef(
                "walk-in@" + store + ".pos.invalid", "Walk-in customer, " + store, null)
            : new CustomerRef(email, text(customer, "name"), text(customer, "phone"));
    List<OrderLineRequest> lines = new ArrayList<>();
    for (SkuQuantity line : lines(sale)) {
      lines.add(new OrderLineRequest(line.sku(), line.quantity(), Map.of()));
    }
    return ChannelAction.sale(
        new OrderSubmission("pos", saleId, text(sale, "sourceCode"), "store", ref, null, lines),
        location);
  }

  private static ChannelAction returned(JsonNode ret, String location) {
    String returnId = required(ret, "returnId");
    String note =
        "POS return "
            + returnId
            + (text(ret, "saleId") == null ? "" : " of sale " + text(ret, "saleId"))
            + (text(ret, "terminal") == null ? "" : " at terminal " + text(ret, "terminal"));
    return ChannelAction.returned(returnId, location, lines(ret), note);
  }

  private static List<SkuQuantity> lines(JsonNode node) {
    List<SkuQuantity> lines = new ArrayList<>();
    for (JsonNode line : node.path("lines")) {
      String sku = required(line, "sku");
      int quantity = line.path("quantity").asInt(0);
      if (quantity < 1) {
        throw new IllegalArgumentException("line " + sku + " has no quantity");
      }
      lines.add(new SkuQuantity(sku, quantity));
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no lines");
    }
    return lines;
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static JsonNode readOrNull(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
