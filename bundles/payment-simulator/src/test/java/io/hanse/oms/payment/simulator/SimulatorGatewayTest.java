package io.hanse.oms.payment.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.CardSecret;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.api.payment.Tender;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator behaves like a processor: outcomes by test card, books kept, keys honoured. */
class SimulatorGatewayTest {
  private final SimulatorGateway gateway = new SimulatorGateway();

  @BeforeEach
  void vault() {
    // the token is the card number here: the test's vault
    gateway.vault(
        token ->
            Optional.of(
                new CardSecret(
                    new CardToken(token, "visa", token.substring(12), 12, 2031), token, "123")));
  }

  private GatewayResult authorize(String number, String amount, String key) {
    return gateway.authorize(
        new AuthorizationRequest(
            "p1", "o1", Tender.CARD, number, Money.of(amount, "EUR"), "c1", "c@example.com", key));
  }

  private static GatewayOperation op(String reference, String amount, String key, boolean last) {
    return new GatewayOperation(
        "p1", "o1", Tender.CARD, reference, Money.of(amount, "EUR"), key, "test", last);
  }

  @Test
  void testCardsDecideTheOutcome() {
    assertThat(authorize("4242424242424242", "10.00", "a1").isApproved()).isTrue();
    assertThat(authorize("4000000000000002", "10.00", "a2").code()).isEqualTo("card_declined");
    assertThat(authorize("4000000000009995", "10.00", "a3").code()).isEqualTo("insufficient_funds");
    assertThat(authorize("4000000000000069", "10.00", "a4").code()).isEqualTo("expired_card");
    assertThat(authorize("4111111111111111", "10.00", "a5").code())
        .as("a card that is not a published test card never looks paid")
        .isEqualTo("not_a_test_card");
  }

  @Test
  void aTimeoutAfterApprovalIsAnsweredOnRetryWithTheSameAuthorization() {
    assertThatThrownBy(() -> authorize("4000000000000119", "10.00", "t1"))
        .isInstanceOf(PaymentUnavailableException.class);
    GatewayResult retried = authorize("4000000000000119", "10.00", "t1");
    assertThat(retried.isApproved()).isTrue();
    assertThat(authorize("4000000000000119", "10.00", "t1").reference())
        .isEqualTo(retried.reference());
  }

  @Test
  void capturesAndRefundsStayWithinWhatWasAuthorizedAndCaptured() {
    String ref = authorize("4242424242424242", "10.00", "k").reference();
    assertThat(gateway.capture(op(ref, "6.00", "c1", false)).isApproved()).isTrue();
    assertThat(gateway.capture(op(ref, "5.00", "c2", false)).code()).isEqualTo("amount_too_large");
    assertThat(gateway.capture(op(ref, "4.00", "c3", true)).isApproved()).isTrue();
    assertThat(gateway.capture(op(ref, "0.01", "c4", false)).isApproved())
        .as("closed by the final capture")
        .isFalse();
    assertThat(gateway.refund(op(ref, "7.00", "r1", false)).isApproved()).isTrue();
    assertThat(gateway.refund(op(ref, "7.00", "r1", false)).isApproved()).as("same key").isTrue();
    assertThat(gateway.refund(op(ref, "3.01", "r2", false)).code()).isEqualTo("amount_too_large");
    assertThat(gateway.refund(op(ref, "3.00", "r3", false)).isApproved()).isTrue();
  }
}
