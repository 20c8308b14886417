package io.hanse.oms.soap.ws.inventory;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** Stock of a SKU over its locations; for a kit, what its components make. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "stock")
public class Stock {
  public String sku;
  public int onHand;
  public int reserved;
  public int available;

  @XmlElement(name = "location")
  public List<LocationStock> locations = new ArrayList<>();
}
