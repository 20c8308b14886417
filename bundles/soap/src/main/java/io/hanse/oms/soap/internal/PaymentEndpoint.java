package io.hanse.oms.soap.internal;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.returns.Disposition;
import io.hanse.oms.api.returns.ReturnLineRequest;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import io.hanse.oms.soap.ws.payments.CardToken;
import io.hanse.oms.soap.ws.payments.GiftCard;
import io.hanse.oms.soap.ws.payments.IssuedGiftCard;
import io.hanse.oms.soap.ws.payments.NewPayment;
import io.hanse.oms.soap.ws.payments.Payment;
import io.hanse.oms.soap.ws.payments.PaymentService;
import io.hanse.oms.soap.ws.payments.ReceivedLine;
import io.hanse.oms.soap.ws.payments.Refund;
import io.hanse.oms.soap.ws.payments.ReturnLine;
import io.hanse.oms.soap.ws.payments.Rma;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.jws.WebService;

/**
 * The SOAP face of payments, returns, the card vault and gift cards: mapping only. The vault and
 * gift cards are plugins; while one is not installed its operations answer {@code unavailable}.
 * Nothing here logs a request: a card number passes straight through to the vault.
 */
@WebService(
    serviceName = "PaymentService",
    portName = "PaymentPort",
    targetNamespace = PaymentService.NAMESPACE,
    endpointInterface = "io.hanse.oms.soap.ws.payments.PaymentService")
public class PaymentEndpoint extends Caller implements PaymentService {
  private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,4}");
  private static final String VAULT = "hanse-payment-vault";
  private static final String GIFT_CARDS = "hanse-payment-giftcard";

  private final io.hanse.oms.api.payment.PaymentService payments;
  private final ReturnService returns;
  private final OrderService orders;
  private final Supplier<CardVault> vault;
  private final Supplier<GiftCardService> giftCards;

  public PaymentEndpoint(
      io.hanse.oms.api.payment.PaymentService payments,
      ReturnService returns,
      OrderService orders,
      Supplier<CardVault> vault,
      Supplier<GiftCardService> giftCards) {
    this.payments = payments;
    this.returns = returns;
    this.orders = orders;
    this.vault = vault;
    this.giftCards = giftCards;
  }

  @Override
  public List<Payment> getPayments(String orderId) throws ServiceFault {
    return Faults.call(
        () -> payments.forOrder(orderId).stream().map(PaymentMapping::payment).toList());
  }

  @Override
  public Payment addPayment(String orderId, NewPayment p) throws ServiceFault {
    if (p == null) {
      throw Faults.invalid("newPayment is required");
    }
    return Faults.call(
        () ->
            PaymentMapping.payment(
                payments.addPayment(
                    orderId,
                    PaymentMapping.instruction(p.method, p.token, p.code, p.amount, p.reference),
                    user())));
  }

  @Override
  public Refund refundOrder(
      String orderId,
      BigDecimal amount,
      String currency,
      String reason,
      Boolean storeCredit,
      String idempotencyKey)
      throws ServiceFault {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw Faults.invalid("idempotencyKey is required: a retried refund must not pay twice");
    }
    if (amount == null) {
      throw Faults.invalid("amount is required");
    }
    return Faults.call(
        () -> {
          String in = blank(currency) ? orders.get(orderId).total().currency() : currency.trim();
          return PaymentMapping.refund(
              payments.refund(
                  orderId,
                  new Money(amount, in),
                  reason,
                  Boolean.TRUE.equals(storeCredit),
                  idempotencyKey,
                  user()));
        });
  }

  @Override
  public Payment settleCheck(String paymentId, boolean cleared) throws ServiceFault {
    return Faults.call(
        () -> PaymentMapping.payment(payments.settleCheck(paymentId, cleared, user())));
  }

  @Override
  public CardToken tokenizeCard(String number, String expMonth, String expYear, String cvc)
      throws ServiceFault {
    CardVault v = plugin(vault, VAULT);
    CardDetails card =
        new CardDetails(
            number, smallNumber("expMonth", expMonth), smallNumber("expYear", expYear), cvc);
    return Faults.call(() -> PaymentMapping.card(v.tokenize(card)));
  }

  @Override
  public Rma requestReturn(String orderId, List<ReturnLine> lines, String reason)
      throws ServiceFault {
    List<ReturnLineRequest> asked = new ArrayList<>();
    if (lines != null) {
      for (ReturnLine l : lines) {
        if (l == null) {
          throw Faults.invalid("line must not be empty");
        }
        asked.add(new ReturnLineRequest(l.sku, l.quantity, l.reason));
      }
    }
    return Faults.call(() -> PaymentMapping.rma(returns.request(orderId, asked, reason, user())));
  }

  @Override
  public Rma authorizeReturn(String rmaId) throws ServiceFault {
    return Faults.call(() -> PaymentMapping.rma(returns.authorize(rmaId, user())));
  }

  @Override
  public Rma rejectReturn(String rmaId, String reason) throws ServiceFault {
    return Faults.call(() -> PaymentMapping.rma(returns.reject(rmaId, reason, user())));
  }

  @Override
  public Rma receiveReturn(String rmaId, List<ReceivedLine> lines, Boolean storeCredit)
      throws ServiceFault {
    List<io.hanse.oms.api.returns.ReceivedLine> received = new ArrayList<>();
    if (lines != null) {
      for (ReceivedLine l : lines) {
        if (l == null) {
          throw Faults.invalid("line must not be empty");
        }
        received.add(
            new io.hanse.oms.api.returns.ReceivedLine(
                l.sku,
                l.quantity,
                disposition(l.disposition),
                blank(l.location) ? null : l.location));
      }
    }
    return Faults.call(
        () ->
            PaymentMapping.rma(
                returns.receive(rmaId, received, Boolean.TRUE.equals(storeCredit), user())));
  }

  @Override
  public List<Rma> getReturns(String orderId) throws ServiceFault {
    return Faults.call(() -> returns.forOrder(orderId).stream().map(PaymentMapping::rma).toList());
  }

  @Override
  public IssuedGiftCard issueGiftCard(BigDecimal amount, String currency, String idempotencyKey)
      throws ServiceFault {
    GiftCardService cards = plugin(giftCards, GIFT_CARDS);
    if (amount == null || blank(currency)) {
      throw Faults.invalid("amount and currency are required");
    }
    return Faults.call(
        () ->
            PaymentMapping.issued(
                cards.issue(
                    new Money(amount, currency.trim()),
                    null,
                    "gift",
                    blank(idempotencyKey) ? null : idempotencyKey)));
  }

  @Override
  public GiftCard giftCardBalance(String code) throws ServiceFault {
    GiftCardService cards = plugin(giftCards, GIFT_CARDS);
    if (blank(code)) {
      throw Faults.invalid("code is required");
    }
    return Faults.call(
        () ->
            PaymentMapping.giftCard(
                cards
                    .findByCode(code)
                    // the code is a secret: never in the answer
                    .orElseThrow(() -> new NotFoundException("gift card", "(code)"))));
  }

  /** The plugin's service now, or {@code unavailable} naming the feature to install. */
  private static <T> T plugin(Supplier<T> service, String feature) throws ServiceFault {
    T s = service.get();
    if (s == null) {
      throw Faults.unavailable(feature);
    }
    return s;
  }

  /** A month or year as digits; the fault never quotes what was sent (it may be a card number). */
  private static int smallNumber(String field, String value) throws ServiceFault {
    if (value == null || !SMALL_NUMBER.matcher(value.trim()).matches()) {
      throw Faults.invalid(field + " must be a number");
    }
    return Integer.parseInt(value.trim());
  }

  private static Disposition disposition(String d) throws ServiceFault {
    if (!blank(d)) {
      try {
        return Disposition.valueOf(d.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        // falls through to the fault, which does not quote it
      }
    }
    throw Faults.invalid("line.disposition must be RESTOCK or WRITE_OFF");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
