package io.hanse.oms.soap.ws.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/**
 * A tender of an order with what has happened to it; a card shows only its brand and last four
 * digits, a gift card only its last four characters.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "payment")
public class Payment {
  public String id;
  public String orderId;

  /** card, giftcard, check or account. */
  public String tender;

  /** The gateway that handles it: simulator, stripe, giftcard, check, account. */
  public String gateway;

  /** Safe to show: {@code visa •••• 4242}, {@code gift card ••••7KQ2}, {@code check 1042}. */
  public String display;

  /** What this tender pays of the order. */
  public BigDecimal amount;

  public BigDecimal authorized;
  public BigDecimal captured;
  public BigDecimal refunded;
  public String currency;

  /**
   * PENDING, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED,
   * DECLINED or AWAITING_CLEARANCE.
   */
  public String status;

  /** The gateway's reference of the authorization. */
  public String reference;

  /** Why the gateway refused it, when it did. */
  public String declineReason;

  @XmlElement(name = "operation")
  public List<PaymentOperation> operations = new ArrayList<>();

  public Date createdAt;
}
