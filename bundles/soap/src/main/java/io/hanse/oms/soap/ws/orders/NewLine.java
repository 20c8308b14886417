package io.hanse.oms.soap.ws.orders;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A line of a new order: a SKU, how many, and personalization values by field name. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "newLine")
public class NewLine {
  @XmlElement(required = true)
  public String sku;

  public int quantity;

  @XmlElement(name = "personalization")
  public List<Field> personalization = new ArrayList<>();
}
