package io.hanse.oms.api.payment;

/**
 * A gateway's answer.
 *
 * @param outcome approved, pending (a check until it clears) or declined
 * @param reference the gateway's id for the payment or operation (a PaymentIntent, a refund, a gift
 *     card hold); needed for what follows
 * @param code a short machine-readable reason when declined ({@code card_declined}, {@code
 *     insufficient_funds}, {@code credit_limit})
 * @param message a human-readable reason; never card data
 */
public record GatewayResult(Outcome outcome, String reference, String code, String message) {

  /** What became of the operation. */
  public enum Outcome {
    APPROVED,
    PENDING,
    DECLINED
  }

  public static GatewayResult approved(String reference) {
    return new GatewayResult(Outcome.APPROVED, reference, null, null);
  }

  public static GatewayResult pending(String reference, String message) {
    return new GatewayResult(Outcome.PENDING, reference, null, message);
  }

  public static GatewayResult declined(String reference, String code, String message) {
    return new GatewayResult(Outcome.DECLINED, reference, code, message);
  }

  public boolean isApproved() {
    return outcome == Outcome.APPROVED;
  }
}
