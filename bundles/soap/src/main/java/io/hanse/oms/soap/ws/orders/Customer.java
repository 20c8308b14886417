package io.hanse.oms.soap.ws.orders;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** Who orders; found by e-mail, created when new. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "customer")
public class Customer {
  @XmlElement(required = true)
  public String email;

  public String name;
  public String phone;
}
