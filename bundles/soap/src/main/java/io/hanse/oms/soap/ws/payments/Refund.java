package io.hanse.oms.soap.ws.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/**
 * A refund of an order, spread over its captured tenders (one operation each) or put on a new gift
 * card as store credit.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "refund")
public class Refund {
  /** The same for a retry with the same idempotency key. */
  public String id;

  public String orderId;
  public BigDecimal amount;
  public String currency;
  public String reason;

  @XmlElement(name = "operation")
  public List<PaymentOperation> operations = new ArrayList<>();

  /** The store credit card issued, with its code the one time it is shown. */
  public IssuedGiftCard storeCredit;
}
