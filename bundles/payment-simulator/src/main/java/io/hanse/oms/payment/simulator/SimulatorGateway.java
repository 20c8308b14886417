package io.hanse.oms.payment.simulator;

import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.CardDetokenizer;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.api.payment.Tender;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card processor for the demo store and tests, with outcomes decided by the test card's number
 * ({@link TestCards}): approve, decline, insufficient funds, expired, and a timeout after the
 * processor approved. It follows the rules a real processor enforces: capture no more than was
 * authorized, refund no more than was captured, answer a repeated idempotency key with the first
 * answer.
 */
@Component(property = {PaymentGateway.NAME + "=simulator", PaymentGateway.TENDERS + "=card"})
public class SimulatorGateway implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorGateway.class);
  private final SimulatedProcessor processor = new SimulatedProcessor();

  /** On a production server (HANSE_PRODUCTION=true) the simulator declines everything. */
  private static final boolean PRODUCTION =
      Boolean.parseBoolean(System.getenv().getOrDefault("HANSE_PRODUCTION", "false"))
          || Boolean.getBoolean("hanse.production");

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CardDetokenizer vault;

  /** For tests: the vault to read cards from. */
  void vault(CardDetokenizer vault) {
    this.vault = vault;
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    if (request.tender() != Tender.CARD) {
      return GatewayResult.declined(null, "unsupported_tender", "the simulator takes cards only");
    }
    if (PRODUCTION) {
      return GatewayResult.declined(
          null, "simulator_disabled", "the card simulator takes no payments in production");
    }
    String key = request.idempotencyKey();
    if (processor.answered(key)) {
      return processor.once(key, () -> null);
    }
    CardDetokenizer detokenizer = vault;
    if (detokenizer == null) {
      // the vault restarts when its configuration changes: ask again, don't decline for good
      throw new PaymentUnavailableException("card vault not available");
    }
    Optional<CardSecret> card = detokenizer.reveal(request.source());
    if (card.isEmpty()) {
      return processor.once(
          key, () -> GatewayResult.declined(null, "invalid_token", "unknown card token"));
    }
    TestCards outcome = TestCards.of(card.get().number());
    YearMonth expiry = YearMonth.of(card.get().card().expYear(), card.get().card().expMonth());
    BigDecimal amount = request.amount().amount();
    GatewayResult result =
        processor.once(
            key,
            () ->
                switch (outcome) {
                  case DECLINE ->
                      GatewayResult.declined(null, "card_declined", "the card was declined");
                  case INSUFFICIENT_FUNDS ->
                      GatewayResult.declined(
                          null, "insufficient_funds", "the card has insufficient funds");
                  case EXPIRED ->
                      GatewayResult.declined(null, "expired_card", "the card has expired");
                  case NOT_A_TEST_CARD ->
                      GatewayResult.declined(
                          null, "not_a_test_card", "the simulator takes only published test cards");
                  case APPROVE, TIMEOUT ->
                      expiry.isBefore(YearMonth.now())
                          ? GatewayResult.declined(null, "expired_card", "the card has expired")
                          : GatewayResult.approved(processor.authorize(amount));
                });
    if (outcome == TestCards.TIMEOUT && result.isApproved() && firstAttempt(key)) {
      LOG.info("Simulating a timeout after approving {}", result.reference());
      throw new PaymentUnavailableException("simulated timeout: the processor did not answer");
    }
    return result;
  }

  private final java.util.Set<String> timedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private boolean firstAttempt(String key) {
    return timedOut.add(key);
  }

  @Override
  public GatewayResult capture(GatewayOperation op) {
    return processor.once(
        op.idempotencyKey(),
        () -> {
          SimulatedProcessor.Authorization a = processor.find(op.reference());
          if (a == null) {
            return GatewayResult.declined(
                op.reference(), "unknown_authorization", "no such authorization");
          }
          synchronized (a) {
            BigDecimal amount = op.amount().amount();
            if (a.closed || a.captured.add(amount).compareTo(a.authorized) > 0) {
              return GatewayResult.declined(
                  op.reference(), "amount_too_large", "capture exceeds what is authorized");
            }
            a.captured = a.captured.add(amount);
            a.closed = op.finalCapture();
            return GatewayResult.approved(op.reference());
          }
        });
  }

  @Override
  public GatewayResult cancel(GatewayOperation op) {
    return processor.once(
        op.idempotencyKey(),
        () -> {
          SimulatedProcessor.Authorization a = processor.find(op.reference());
          if (a == null) {
            // never authorized (declined or unknown): nothing to release
            return GatewayResult.approved(op.reference());
          }
          synchronized (a) {
            a.closed = true;
            return GatewayResult.approved(op.reference());
          }
        });
  }

  @Override
  public GatewayResult refund(GatewayOperation op) {
    return processor.once(
        op.idempotencyKey(),
        () -> {
          SimulatedProcessor.Authorization a = processor.find(op.reference());
          if (a == null) {
            return GatewayResult.declined(
                op.reference(), "unknown_authorization", "no such charge");
          }
          synchronized (a) {
            BigDecimal amount = op.amount().amount();
            if (a.refunded.add(amount).compareTo(a.captured) > 0) {
              return GatewayResult.declined(
                  op.reference(), "amount_too_large", "refund exceeds what was captured");
            }
            a.refunded = a.refunded.add(amount);
            return GatewayResult.approved("re_" + op.idempotencyKey());
          }
        });
  }
}
