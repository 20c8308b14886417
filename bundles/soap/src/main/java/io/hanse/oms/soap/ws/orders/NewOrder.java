package io.hanse.oms.soap.ws.orders;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** An order as a channel or an agent submits it. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "newOrder")
public class NewOrder {
  @XmlElement(required = true)
  public String channel;

  public String externalId;
  public String sourceCode;

  @XmlElement(required = true)
  public Customer customer;

  public Address shippingAddress;

  @XmlElement(name = "line", required = true)
  public List<NewLine> lines = new ArrayList<>();

  /** The tenders that pay it, authorized when it is accepted; none when it is paid elsewhere. */
  @XmlElement(name = "payment")
  public List<NewPayment> payments = new ArrayList<>();
}
