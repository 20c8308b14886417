package io.hanse.oms.soap.ws.orders;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** Units of a SKU. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "quantity")
public class Quantity {
  @XmlElement(required = true)
  public String sku;

  public int quantity;

  public Quantity() {}

  public Quantity(String sku, int quantity) {
    this.sku = sku;
    this.quantity = quantity;
  }
}
