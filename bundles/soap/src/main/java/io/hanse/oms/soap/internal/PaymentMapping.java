package io.hanse.oms.soap.internal;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.PaymentInstruction;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.api.returns.RmaLine;
import io.hanse.oms.soap.ws.payments.CardToken;
import io.hanse.oms.soap.ws.payments.GiftCard;
import io.hanse.oms.soap.ws.payments.IssuedGiftCard;
import io.hanse.oms.soap.ws.payments.Payment;
import io.hanse.oms.soap.ws.payments.PaymentOperation;
import io.hanse.oms.soap.ws.payments.Refund;
import io.hanse.oms.soap.ws.payments.Rma;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

/**
 * Payments, refunds, returns and gift cards between the api and the SOAP types of both the payment
 * and the order service (the same shapes in two namespaces, so that each WSDL stands alone).
 */
@SuppressWarnings("JavaUtilDate") // JAXB maps java.util.Date to xs:dateTime
final class PaymentMapping {
  private PaymentMapping() {}

  /** A tender as submitted; an unknown method is refused by {@link Tender#of}. */
  static PaymentInstruction instruction(
      String method, String token, String code, BigDecimal amount, String reference) {
    return new PaymentInstruction(Tender.of(method), token, code, amount, reference);
  }

  static Payment payment(io.hanse.oms.api.payment.Payment p) {
    Payment s = new Payment();
    s.id = p.id();
    s.orderId = p.orderId();
    s.tender = p.tender() == null ? null : p.tender().code();
    s.gateway = p.gateway();
    s.display = p.display();
    s.amount = amount(p.amount());
    s.authorized = amount(p.authorized());
    s.captured = amount(p.captured());
    s.refunded = amount(p.refunded());
    s.currency = p.amount() == null ? null : p.amount().currency();
    s.status = p.status() == null ? null : p.status().name();
    s.reference = p.reference();
    s.declineReason = p.declineReason();
    p.operations().forEach(o -> s.operations.add(operation(o)));
    s.createdAt = date(p.createdAt());
    return s;
  }

  static PaymentOperation operation(io.hanse.oms.api.payment.PaymentOperation o) {
    PaymentOperation s = new PaymentOperation();
    s.type = o.type() == null ? null : o.type().name();
    s.amount = amount(o.amount());
    s.status = o.status() == null ? null : o.status().name();
    s.reference = o.reference();
    s.message = o.message();
    s.reason = o.reason();
    s.createdAt = date(o.createdAt());
    return s;
  }

  /** The same payment for an order of the order service. */
  static io.hanse.oms.soap.ws.orders.Payment orderPayment(io.hanse.oms.api.payment.Payment p) {
    Payment from = payment(p);
    io.hanse.oms.soap.ws.orders.Payment s = new io.hanse.oms.soap.ws.orders.Payment();
    s.id = from.id;
    s.orderId = from.orderId;
    s.tender = from.tender;
    s.gateway = from.gateway;
    s.display = from.display;
    s.amount = from.amount;
    s.authorized = from.authorized;
    s.captured = from.captured;
    s.refunded = from.refunded;
    s.currency = from.currency;
    s.status = from.status;
    s.reference = from.reference;
    s.declineReason = from.declineReason;
    for (PaymentOperation o : from.operations) {
      io.hanse.oms.soap.ws.orders.PaymentOperation op =
          new io.hanse.oms.soap.ws.orders.PaymentOperation();
      op.type = o.type;
      op.amount = o.amount;
      op.status = o.status;
      op.reference = o.reference;
      op.message = o.message;
      op.reason = o.reason;
      op.createdAt = o.createdAt;
      s.operations.add(op);
    }
    s.createdAt = from.createdAt;
    return s;
  }

  static Refund refund(io.hanse.oms.api.payment.Refund r) {
    Refund s = new Refund();
    s.id = r.id();
    s.orderId = r.orderId();
    s.amount = amount(r.amount());
    s.currency = r.amount() == null ? null : r.amount().currency();
    s.reason = r.reason();
    r.operations().forEach(o -> s.operations.add(operation(o)));
    s.storeCredit = r.storeCredit() == null ? null : issued(r.storeCredit());
    return s;
  }

  static CardToken card(io.hanse.oms.api.payment.CardToken t) {
    CardToken s = new CardToken();
    s.token = t.token();
    s.brand = t.brand();
    s.last4 = t.last4();
    s.expMonth = t.expMonth();
    s.expYear = t.expYear();
    return s;
  }

  static GiftCard giftCard(io.hanse.oms.api.payment.GiftCard c) {
    GiftCard s = new GiftCard();
    s.id = c.id();
    s.last4 = c.last4();
    s.balance = amount(c.balance());
    s.held = amount(c.held());
    s.currency = c.balance() == null ? null : c.balance().currency();
    s.status = c.status() == null ? null : c.status().name();
    s.purpose = c.purpose();
    s.expiresAt = date(c.expiresAt());
    s.issuedAt = date(c.issuedAt());
    return s;
  }

  static IssuedGiftCard issued(io.hanse.oms.api.payment.IssuedGiftCard i) {
    IssuedGiftCard s = new IssuedGiftCard();
    s.card = giftCard(i.card());
    s.code = i.code();
    return s;
  }

  static Rma rma(io.hanse.oms.api.returns.Rma r) {
    Rma s = new Rma();
    s.id = r.id();
    s.orderId = r.orderId();
    s.status = r.status() == null ? null : r.status().name();
    s.reason = r.reason();
    for (RmaLine l : r.lines()) {
      Rma.Line line = new Rma.Line();
      line.sku = l.sku();
      line.quantity = l.quantity();
      line.reason = l.reason();
      line.received = l.received();
      line.restocked = l.restocked();
      line.writtenOff = l.writtenOff();
      line.refundValue = amount(l.refundValue());
      s.lines.add(line);
      if (s.currency == null && l.refundValue() != null) {
        s.currency = l.refundValue().currency();
      }
    }
    s.refundId = r.refundId();
    s.refunded = amount(r.refunded());
    if (r.refunded() != null) {
      s.currency = r.refunded().currency();
    }
    s.createdBy = r.createdBy();
    s.createdAt = date(r.createdAt());
    s.updatedAt = date(r.updatedAt());
    return s;
  }

  private static BigDecimal amount(Money m) {
    return m == null ? null : m.amount();
  }

  private static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }
}
