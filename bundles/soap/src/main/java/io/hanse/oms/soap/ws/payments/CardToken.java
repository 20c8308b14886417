package io.hanse.oms.soap.ws.payments;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A tokenized card: the token to pay with, and what may be shown of the card. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "cardToken")
public class CardToken {
  /** The vault's token ({@code tok_…}), the only handle to the card. */
  public String token;

  /** visa, mastercard, amex, discover, diners, jcb, unionpay or unknown. */
  public String brand;

  public String last4;
  public int expMonth;
  public int expYear;
}
