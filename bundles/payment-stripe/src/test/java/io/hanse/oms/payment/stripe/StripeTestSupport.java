package io.hanse.oms.payment.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.Tender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A local WireMock playing Stripe's API, and a gateway talking to it over real HTTP. */
abstract class StripeTestSupport {
  static final String API_KEY = "sk_test_51HanseUnitTestKeyNeverReal";
  static final String PI = "pi_3MtwBwLkdIwHu7ix28a3tqPa";

  WireMockServer stripe;
  TestVault vault;
  StripeGateway gateway;

  @BeforeEach
  void startStripe() {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
    vault = new TestVault();
    gateway = gateway(Duration.ofSeconds(5));
  }

  @AfterEach
  void stopStripe() {
    stripe.stop();
  }

  StripeGateway gateway(Duration timeout) {
    StripeClient client = new StripeClient(stripe.baseUrl(), API_KEY, timeout);
    return new StripeGateway(client, new StripePaymentMethods(client, () -> vault), "HANSE SHOP");
  }

  static AuthorizationRequest authorization(String source, String idempotencyKey) {
    return new AuthorizationRequest(
        "pay-1",
        "ord-1",
        Tender.CARD,
        source,
        Money.of("19.99", "EUR"),
        "cus-1",
        "ada@example.com",
        idempotencyKey);
  }

  static GatewayOperation operation(
      String amount, String idempotencyKey, String reason, boolean finalCapture) {
    return new GatewayOperation(
        "pay-1",
        "ord-1",
        Tender.CARD,
        PI,
        Money.of(amount, "EUR"),
        idempotencyKey,
        reason,
        finalCapture);
  }

  /** Everything this JVM's tests have logged so far (slf4j-simple writes it to a file). */
  static String log() {
    try {
      return Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
