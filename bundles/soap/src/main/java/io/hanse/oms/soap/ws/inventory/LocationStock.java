package io.hanse.oms.soap.ws.inventory;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** Stock of a SKU at one location. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "locationStock")
public class LocationStock {
  public String location;
  public int onHand;
  public int reserved;
  public int available;
  public int safetyStock;
}
