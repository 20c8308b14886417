package io.hanse.oms.soap.ws.orders;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A postal address; {@code country} is an ISO 3166 two-letter code. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "address")
public class Address {
  public String line1;
  public String line2;
  public String city;
  public String region;
  public String postalCode;
  public String country;
}
