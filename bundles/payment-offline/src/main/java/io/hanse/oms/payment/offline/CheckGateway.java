package io.hanse.oms.payment.offline;

import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentGateway;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code check} gateway. A check moves no money through Hanse: it arrives on paper and clears
 * at the bank, which someone records with {@code PaymentService.settleCheck}. So this gateway keeps
 * no state and talks to nothing; every answer follows from the call alone, which also makes a retry
 * with the same idempotency key answer as the first call did.
 */
@Component(
    service = PaymentGateway.class,
    property = {PaymentGateway.NAME + "=check", PaymentGateway.TENDERS + "=check"})
public class CheckGateway implements PaymentGateway {
  private static final int MAX_NUMBER = 32;

  /** Pending until the check clears; its number is the reference. */
  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    String number = request.source() == null ? "" : request.source().trim();
    if (number.isEmpty() || number.length() > MAX_NUMBER) {
      return GatewayResult.declined(
          null,
          "missing_check_number",
          "a check payment needs the check's number (up to " + MAX_NUMBER + " characters)");
    }
    return GatewayResult.pending("check " + number, "awaiting clearance");
  }

  /** The money was received with the check; nothing to take. */
  @Override
  public GatewayResult capture(GatewayOperation operation) {
    return approved(operation, "received by check");
  }

  /** The check is handed back or destroyed; nothing to release. */
  @Override
  public GatewayResult cancel(GatewayOperation operation) {
    return approved(operation, "return the check to the customer");
  }

  /** Hanse can't write checks: someone must issue a refund check for the amount. */
  @Override
  public GatewayResult refund(GatewayOperation operation) {
    return approved(operation, "issue a refund check for " + operation.amount());
  }

  private static GatewayResult approved(GatewayOperation operation, String message) {
    return new GatewayResult(GatewayResult.Outcome.APPROVED, operation.reference(), null, message);
  }
}
