package io.hanse.oms.soap.ws.payments;

import java.math.BigDecimal;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/**
 * A tender for an order: a card by its token (from {@code tokenizeCard}, never its number), a gift
 * card by its code, a check by its number, or on account.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "newPayment")
public class NewPayment {
  /** card, giftcard, check or account. */
  @XmlElement(required = true)
  public String method;

  /** For a card: a vault token ({@code tok_…}) or a gateway's own token. */
  public String token;

  /** For a gift card: its code. */
  public String code;

  /** In the order's currency; left out, it is what the order still owes. */
  public BigDecimal amount;

  /** For a check: its number; otherwise optional. */
  public String reference;

  /** Shows nothing of the token or code. */
  @Override
  public String toString() {
    return "NewPayment[" + method + "]";
  }
}
