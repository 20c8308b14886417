package io.hanse.oms.soap.ws.payments;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A line the customer wants to return: units of a shipped SKU of the order, and why. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "returnLine")
public class ReturnLine {
  @XmlElement(required = true)
  public String sku;

  public int quantity;
  public String reason;
}
