package io.hanse.oms.payment.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.GatewayResult.Outcome;
import io.hanse.oms.api.payment.Tender;
import org.junit.jupiter.api.Test;

class CheckGatewayTest {
  private final CheckGateway checks = new CheckGateway();

  @Test
  void aCheckIsPendingUntilItClearsUnderItsNumber() {
    GatewayResult r = checks.authorize(authorize(" 1042 "));

    assertThat(r).isEqualTo(GatewayResult.pending("check 1042", "awaiting clearance"));
    assertThat(checks.authorize(authorize(" 1042 "))).isEqualTo(r);
  }

  @Test
  void aCheckWithoutItsNumberIsDeclined() {
    assertThat(checks.authorize(authorize(null)).code()).isEqualTo("missing_check_number");
    assertThat(checks.authorize(authorize("  ")).outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(checks.authorize(authorize("1".repeat(33))).code())
        .isEqualTo("missing_check_number");
  }

  @Test
  void captureCancelAndRefundAreApprovedAndSayWhatToDo() {
    GatewayResult capture = checks.capture(op());
    GatewayResult cancel = checks.cancel(op());
    GatewayResult refund = checks.refund(op());

    assertThat(capture.isApproved()).isTrue();
    assertThat(capture.reference()).isEqualTo("check 1042");
    assertThat(cancel.isApproved()).isTrue();
    assertThat(cancel.message()).contains("return the check");
    assertThat(refund.isApproved()).isTrue();
    assertThat(refund.message()).contains("refund check").contains("25.00 USD");
  }

  private static AuthorizationRequest authorize(String number) {
    return new AuthorizationRequest(
        "pay-1", "order-1", Tender.CHECK, number, Money.of("25", "USD"), "c-1", null, "k-1");
  }

  private static GatewayOperation op() {
    return new GatewayOperation(
        "pay-1", "order-1", Tender.CHECK, "check 1042", Money.of("25", "USD"), "k-2", "x", true);
  }
}
