package io.hanse.oms.soap.ws.payments;

import io.hanse.oms.api.security.Roles;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import java.math.BigDecimal;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlElement;

/**
 * Payments, refunds, returns and gift cards over SOAP, for ERPs and call-center software: the same
 * rules as REST. Card numbers go only to {@link #tokenizeCard}; everything else takes its token.
 */
@WebService(name = "PaymentService", targetNamespace = PaymentService.NAMESPACE)
public interface PaymentService {
  String NAMESPACE = "http://hanse-oms.io/soap/payments/v1";

  /** The payments of an order, oldest first. */
  @WebMethod
  @WebResult(name = "payment")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  List<Payment> getPayments(@WebParam(name = "orderId") String orderId) throws ServiceFault;

  /**
   * Adds a tender to an order (another card after a decline) and authorizes it; a payment hold is
   * released when the order is now covered.
   */
  @WebMethod
  @WebResult(name = "payment")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  Payment addPayment(
      @WebParam(name = "orderId") String orderId, @WebParam(name = "newPayment") NewPayment payment)
      throws ServiceFault;

  /**
   * Refunds part of what was captured, newest tender first, or as store credit on a new gift card.
   * Never more than was captured and not yet refunded; a retry with the same {@code idempotencyKey}
   * (required) returns the first refund. {@code currency} defaults to the order's.
   */
  @WebMethod
  @WebResult(name = "refund")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Refund refundOrder(
      @WebParam(name = "orderId") String orderId,
      @WebParam(name = "amount") BigDecimal amount,
      @WebParam(name = "currency") String currency,
      @WebParam(name = "reason") String reason,
      @WebParam(name = "storeCredit") Boolean storeCredit,
      @WebParam(name = "idempotencyKey") @XmlElement(required = true) String idempotencyKey)
      throws ServiceFault;

  /** A check cleared (the payment is captured) or bounced (declined; the order is held). */
  @WebMethod
  @WebResult(name = "payment")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Payment settleCheck(
      @WebParam(name = "paymentId") String paymentId, @WebParam(name = "cleared") boolean cleared)
      throws ServiceFault;

  /**
   * Puts a card into the vault and returns its token with brand, last four digits and expiry. The
   * expiry is text (digits), so that no parser error can ever quote a card number sent in the wrong
   * field; faults never contain the number.
   */
  @WebMethod
  @WebResult(name = "card")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  CardToken tokenizeCard(
      @WebParam(name = "number") String number,
      @WebParam(name = "expMonth") String expMonth,
      @WebParam(name = "expYear") String expYear,
      @WebParam(name = "cvc") String cvc)
      throws ServiceFault;

  /** Opens a return for shipped lines of an order. */
  @WebMethod
  @WebResult(name = "rma")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  Rma requestReturn(
      @WebParam(name = "orderId") String orderId,
      @WebParam(name = "line") List<ReturnLine> lines,
      @WebParam(name = "reason") String reason)
      throws ServiceFault;

  @WebMethod
  @WebResult(name = "rma")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Rma authorizeReturn(@WebParam(name = "rmaId") String rmaId) throws ServiceFault;

  @WebMethod
  @WebResult(name = "rma")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Rma rejectReturn(@WebParam(name = "rmaId") String rmaId, @WebParam(name = "reason") String reason)
      throws ServiceFault;

  /**
   * Records what arrived of an authorized return (restocked at its location or written off) and
   * refunds its value, to the original tenders or as store credit; a retry refunds once.
   */
  @WebMethod
  @WebResult(name = "rma")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Rma receiveReturn(
      @WebParam(name = "rmaId") String rmaId,
      @WebParam(name = "line") List<ReceivedLine> lines,
      @WebParam(name = "storeCredit") Boolean storeCredit)
      throws ServiceFault;

  /** The returns of an order, oldest first. */
  @WebMethod
  @WebResult(name = "rma")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  List<Rma> getReturns(@WebParam(name = "orderId") String orderId) throws ServiceFault;

  /**
   * Issues a gift card; its code is in this answer only. A repeated {@code idempotencyKey} returns
   * the card first issued, without its code.
   */
  @WebMethod
  @WebResult(name = "issuedGiftCard")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  IssuedGiftCard issueGiftCard(
      @WebParam(name = "amount") BigDecimal amount,
      @WebParam(name = "currency") String currency,
      @WebParam(name = "idempotencyKey") String idempotencyKey)
      throws ServiceFault;

  /** The balance of the gift card with this code. */
  @WebMethod
  @WebResult(name = "giftCard")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  GiftCard giftCardBalance(@WebParam(name = "code") String code) throws ServiceFault;
}
