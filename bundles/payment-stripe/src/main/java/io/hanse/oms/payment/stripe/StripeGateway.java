package io.hanse.oms.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.Tender;
import java.net.URLEncoder;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cards through Stripe PaymentIntents: authorized with manual capture (multicapture requested where
 * the card allows it), captured per shipment, released on cancel, refunded in parts. Each call
 * carries the operation's idempotency key, so a retry returns Stripe's first answer.
 */
final class StripeGateway implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(StripeGateway.class);

  private final StripeClient client;
  private final StripePaymentMethods paymentMethods;
  private final String statementDescriptorSuffix;

  StripeGateway(
      StripeClient client, StripePaymentMethods paymentMethods, String statementDescriptorSuffix) {
    this.client = client;
    this.paymentMethods = paymentMethods;
    this.statementDescriptorSuffix = statementDescriptorSuffix;
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    if (request.tender() != Tender.CARD) {
      return GatewayResult.declined(null, "unsupported_tender", "Stripe takes cards only");
    }
    String operation =
        "authorize payment " + request.paymentId() + " of order " + request.orderId();
    Long amount = positiveMinor(request.amount());
    if (amount == null) {
      return invalidAmount(null, request.amount());
    }
    StripePaymentMethods.Resolved source =
        paymentMethods.resolve(request.source(), request.idempotencyKey(), operation);
    if (source.declined() != null) {
      return source.declined();
    }
    StripeForm form =
        new StripeForm()
            .add("amount", amount)
            .add("currency", request.amount().currency().toLowerCase(Locale.ROOT))
            .add("payment_method", source.paymentMethod())
            // card only: no redirect-based methods, so server-side confirmation needs no return_url
            .add("payment_method_types[0]", "card")
            .add("confirm", true)
            .add("capture_method", "manual")
            .add("payment_method_options[card][request_multicapture]", "if_available")
            .add("description", "Order " + request.orderId())
            .add("receipt_email", request.customerEmail())
            .add("statement_descriptor_suffix", statementDescriptorSuffix)
            .add("metadata[order_id]", request.orderId())
            .add("metadata[payment_id]", request.paymentId())
            .add("metadata[customer_id]", request.customerId());
    StripeResponse response =
        client.post("v1/payment_intents", form, request.idempotencyKey(), operation);
    if (!response.ok()) {
      return response.error().declined(null);
    }
    return StripeIntents.authorization(response.body());
  }

  /**
   * Captures {@code amount}; a capture that is not the last keeps the rest of the authorization
   * ({@code final_capture=false}), which Stripe allows when multicapture is available for the card.
   *
   * <p>When it is not (the account is not on IC+ pricing, or the card network does not take it),
   * Stripe refuses {@code final_capture}. The rule then is the one of the gateway SPI for a gateway
   * that takes one capture only: this capture is made as the final one, for the amount asked (what
   * shipped, never more), and Stripe releases the rest; later captures are declined by Stripe since
   * the PaymentIntent has succeeded. The fallback uses its own idempotency key, as its parameters
   * differ from the refused request.
   */
  @Override
  public GatewayResult capture(GatewayOperation op) {
    if (op.reference() == null || op.reference().isBlank()) {
      return GatewayResult.declined(null, "no_authorization", "nothing was authorized at Stripe");
    }
    Long amount = positiveMinor(op.amount());
    if (amount == null) {
      return invalidAmount(op.reference(), op.amount());
    }
    String operation = "capture " + op.amount() + " of " + op.reference();
    String path = intentPath(op.reference(), "capture");
    StripeForm form = new StripeForm().add("amount_to_capture", amount);
    if (!op.finalCapture()) {
      form.add("final_capture", false);
    }
    StripeResponse response = client.post(path, form, op.idempotencyKey(), operation);
    if (!response.ok() && !op.finalCapture() && multicaptureUnavailable(response.error())) {
      LOG.info(
          "Multicapture is not available for {}: capturing {} as the final capture",
          op.reference(),
          op.amount());
      response =
          client.post(
              path,
              new StripeForm().add("amount_to_capture", amount),
              op.idempotencyKey() + "-final",
              operation + " (final, no multicapture)");
    }
    if (!response.ok()) {
      return response.error().declined(op.reference());
    }
    return StripeIntents.capture(response.body(), op.reference());
  }

  private static boolean multicaptureUnavailable(StripeError error) {
    if (error.status() != 400) {
      return false;
    }
    String message = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
    return "final_capture".equals(error.param())
        || message.contains("multicapture")
        || message.contains("final_capture");
  }

  /**
   * Releases what is left of the authorization. Stripe's way is to cancel the PaymentIntent: for
   * one in {@code requires_capture} the remaining {@code amount_capturable} is released, including
   * after partial captures with {@code final_capture=false}; what was captured stays captured. A
   * PaymentIntent that is already cancelled (expired, or cancelled in the Dashboard) or has
   * succeeded (fully captured, or its final capture released the rest) holds nothing more, which is
   * what was asked.
   */
  @Override
  public GatewayResult cancel(GatewayOperation op) {
    if (op.reference() == null || op.reference().isBlank()) {
      LOG.info(
          "Nothing to release at Stripe for payment {}: it has no PaymentIntent", op.paymentId());
      return GatewayResult.approved(null);
    }
    StripeForm form = new StripeForm().add("cancellation_reason", cancellationReason(op.reason()));
    StripeResponse response =
        client.post(
            intentPath(op.reference(), "cancel"),
            form,
            op.idempotencyKey(),
            "release " + op.reference());
    if (response.ok()) {
      return StripeIntents.released(response.body(), op.reference());
    }
    String status = response.error().paymentIntentStatus();
    if ("canceled".equals(status) || "succeeded".equals(status)) {
      return GatewayResult.approved(op.reference());
    }
    return response.error().declined(op.reference());
  }

  /** Stripe takes four reasons; Hanse's are free text. A customer's wish is said so. */
  static String cancellationReason(String reason) {
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("customer")
        ? "requested_by_customer"
        : "abandoned";
  }

  @Override
  public GatewayResult refund(GatewayOperation op) {
    if (op.reference() == null || op.reference().isBlank()) {
      return GatewayResult.declined(null, "no_authorization", "nothing was charged at Stripe");
    }
    Long amount = positiveMinor(op.amount());
    if (amount == null) {
      return invalidAmount(op.reference(), op.amount());
    }
    StripeForm form =
        new StripeForm()
            .add("payment_intent", op.reference())
            .add("amount", amount)
            .add("metadata[order_id]", op.orderId())
            .add("metadata[payment_id]", op.paymentId())
            .add("metadata[reason]", truncate(op.reason(), 500));
    StripeResponse response =
        client.post(
            "v1/refunds",
            form,
            op.idempotencyKey(),
            "refund " + op.amount() + " of " + op.reference());
    if (!response.ok()) {
      return response.error().declined(op.reference());
    }
    return StripeIntents.refund(response.body());
  }

  private static String intentPath(String paymentIntent, String action) {
    return "v1/payment_intents/" + URLEncoder.encode(paymentIntent, UTF_8) + "/" + action;
  }

  /** The amount in minor units, or {@code null} when Stripe can't take it. */
  private static Long positiveMinor(Money money) {
    if (money == null || money.signum() <= 0) {
      return null;
    }
    try {
      return StripeAmounts.minor(money);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static GatewayResult invalidAmount(String reference, Money money) {
    return GatewayResult.declined(
        reference, "invalid_amount", "Stripe can't take an amount of " + money);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
