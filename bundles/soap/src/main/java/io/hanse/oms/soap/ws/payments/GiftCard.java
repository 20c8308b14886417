package io.hanse.oms.soap.ws.payments;

import java.math.BigDecimal;
import java.util.Date;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A gift card or store credit; its code only as the last four characters. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "giftCard")
public class GiftCard {
  public String id;
  public String last4;

  /** What can still be spent. */
  public BigDecimal balance;

  /** Authorized for orders and not yet captured. */
  public BigDecimal held;

  public String currency;

  /** ACTIVE or EXPIRED. */
  public String status;

  /** gift for a sold card, store-credit for a refund. */
  public String purpose;

  public Date expiresAt;
  public Date issuedAt;
}
