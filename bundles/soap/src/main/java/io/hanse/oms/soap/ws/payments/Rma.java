package io.hanse.oms.soap.ws.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A return merchandise authorization, from request to receipt and refund. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "rma")
public class Rma {
  public String id;
  public String orderId;

  /** REQUESTED, AUTHORIZED, RECEIVED or REJECTED. */
  public String status;

  public String reason;

  @XmlElement(name = "line")
  public List<Line> lines = new ArrayList<>();

  /** The refund made when it was received, if any. */
  public String refundId;

  /** What was refunded. */
  public BigDecimal refunded;

  public String currency;
  public String createdBy;
  public Date createdAt;
  public Date updatedAt;

  /** A line with what of it arrived, was restocked and written off. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "rmaLine")
  public static class Line {
    public String sku;

    /** Asked to return. */
    public int quantity;

    public String reason;
    public int received;
    public int restocked;
    public int writtenOff;

    /** What the units received were paid (the order line's unit price times received). */
    public BigDecimal refundValue;
  }
}
