package io.hanse.oms.soap.ws.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** An order as every interface shows it. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "order")
public class Order {
  public String id;
  public String channel;
  public String externalId;
  public String sourceCode;
  public String department;

  /**
   * CONFIRMED, BACKORDERED, ON_HOLD, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, CLOSED or RETURNED
   * (everything shipped came back).
   */
  public String status;

  public String holdReason;
  public String customerId;
  public String customerEmail;
  public String customerName;
  public Address shippingAddress;
  public BigDecimal total;
  public String currency;

  @XmlElement(name = "line")
  public List<Line> lines = new ArrayList<>();

  @XmlElement(name = "shipment")
  public List<Shipment> shipments = new ArrayList<>();

  public String placedBy;
  public Date createdAt;
  public Date updatedAt;

  /** Its tenders, oldest first, with what was authorized, captured and refunded of each. */
  @XmlElement(name = "payment")
  public List<Payment> payments = new ArrayList<>();

  /** A line with what of it is reserved, backordered, shipped and cancelled. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "line")
  public static class Line {
    public int lineNo;
    public String sku;
    public String name;
    public int quantity;
    public BigDecimal unitPrice;
    public BigDecimal lineTotal;
    public int reserved;
    public int backordered;
    public int shipped;
    public int cancelled;
  }

  /** A parcel that left. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "shipment")
  public static class Shipment {
    public String id;
    public String carrier;
    public String trackingNumber;
    public Date shippedAt;

    @XmlElement(name = "line")
    public List<Quantity> lines = new ArrayList<>();
  }
}
