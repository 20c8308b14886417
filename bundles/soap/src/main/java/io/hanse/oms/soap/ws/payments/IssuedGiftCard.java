package io.hanse.oms.soap.ws.payments;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A card just issued, with its full code: shown this once, to hand to the customer. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "issuedGiftCard")
public class IssuedGiftCard {
  public GiftCard card;
  public String code;

  /** Shows nothing of the code. */
  @Override
  public String toString() {
    return "IssuedGiftCard[" + (card == null ? null : card.id) + "]";
  }
}
