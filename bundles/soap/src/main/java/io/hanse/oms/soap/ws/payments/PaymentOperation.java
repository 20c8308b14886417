package io.hanse.oms.soap.ws.payments;

import java.math.BigDecimal;
import java.util.Date;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One gateway call of a payment and its outcome. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "paymentOperation")
public class PaymentOperation {
  /** AUTHORIZE, CAPTURE, VOID or REFUND. */
  public String type;

  public BigDecimal amount;

  /** PENDING, SUCCEEDED or FAILED. */
  public String status;

  /** The gateway's reference for it. */
  public String reference;

  /** Why it failed or is pending. */
  public String message;

  /** What it was for: a shipment, a refund, a cancellation. */
  public String reason;

  public Date createdAt;
}
