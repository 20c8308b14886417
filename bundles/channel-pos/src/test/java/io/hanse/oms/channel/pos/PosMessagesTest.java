package io.hanse.oms.channel.pos;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.Signatures;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosMessagesTest {
  private static final String SECRET = "store-secret";
  private static final String SALE =
      "{\"type\":\"sale\",\"saleId\":\"HH-T1-1\",\"terminal\":\"T1\","
          + "\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":2}]}";
  private static final String RETURN =
      "{\"type\":\"return\",\"returnId\":\"HH-T1-R-1\",\"saleId\":\"HH-T1-1\","
          + "\"lines\":[{\"sku\":\"MUG-1\",\"quantity\":1}]}";

  private static WebhookRequest signed(String body, String secret) {
    byte[] bytes = body.getBytes(UTF_8);
    String signature = Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret, bytes));
    return new WebhookRequest(
        Map.of(PosMessages.SIGNATURE, List.of(signature), PosMessages.TERMINAL, List.of("T1")),
        bytes);
  }

  @Test
  void aSaleIsNamedByItsIdAndTakesStockAtTheStore() {
    InboundMessage message = PosMessages.verify(signed(SALE, SECRET), SECRET);
    assertEquals("sale:HH-T1-1", message.deliveryId());
    assertEquals("T1", message.headers().get(PosMessages.TERMINAL));
    ChannelAction action = PosMessages.map(message, "hamburg", "STORE-HH");
    assertEquals(ChannelAction.Kind.SALE, action.kind());
    assertEquals("STORE-HH", action.location());
    assertEquals("HH-T1-1", action.submission().externalId());
    assertEquals("walk-in@hamburg.pos.invalid", action.submission().customer().email());
    assertEquals("MUG-1", action.submission().lines().get(0).sku());
  }

  @Test
  void aReturnComesBackToTheStore() {
    ChannelAction action =
        PosMessages.map(PosMessages.verify(signed(RETURN, SECRET), SECRET), "hamburg", "STORE-HH");
    assertEquals(ChannelAction.Kind.RETURN, action.kind());
    assertEquals("HH-T1-R-1", action.externalId());
    assertEquals(List.of(new SkuQuantity("MUG-1", 1)), action.returned());
    assertEquals("POS return HH-T1-R-1 of sale HH-T1-1", action.note());
  }

  @Test
  void anOfflineBatchSplitsIntoSalesNamedByTheirIds() {
    String batch = "{\"type\":\"batch\",\"messages\":[" + SALE + "," + RETURN + "]}";
    InboundMessage message = PosMessages.verify(signed(batch, SECRET), SECRET);
    List<InboundMessage> parts = PosMessages.split(message);
    assertEquals(2, parts.size());
    assertEquals("sale:HH-T1-1", parts.get(0).deliveryId());
    assertEquals("return:HH-T1-R-1", parts.get(1).deliveryId());
    assertEquals("return", parts.get(1).topic());
  }

  @Test
  void forgedOrMalformedMessagesAreRefused() {
    assertThrows(
        WebhookRejectedException.class, () -> PosMessages.verify(signed(SALE, "other"), SECRET));
    InboundMessage noLines =
        PosMessages.verify(
            signed("{\"type\":\"sale\",\"saleId\":\"X\",\"lines\":[]}", SECRET), SECRET);
    assertThrows(IllegalArgumentException.class, () -> PosMessages.map(noLines, "s", "L"));
    InboundMessage garbage = PosMessages.verify(signed("not json", SECRET), SECRET);
    assertEquals(1, PosMessages.split(garbage).size());
    assertThrows(IllegalArgumentException.class, () -> PosMessages.map(garbage, "s", "L"));
  }
}
