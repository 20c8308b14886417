package io.hanse.oms.soap.ws.payments;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** What arrived of a returned line and what becomes of it. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "receivedLine")
public class ReceivedLine {
  @XmlElement(required = true)
  public String sku;

  public int quantity;

  /** RESTOCK (available to sell again at {@code location}) or WRITE_OFF. */
  @XmlElement(required = true)
  public String disposition;

  /** Where it arrived; required to restock. */
  public String location;
}
