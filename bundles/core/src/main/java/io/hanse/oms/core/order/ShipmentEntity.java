package io.hanse.oms.core.order;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.Shipment;
import io.hanse.oms.core.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

/** A parcel of an order handed to a carrier. */
@Entity
@Table(name = "oms_shipment")
public class ShipmentEntity {
  @Id private String id;

  @Column(name = "order_id")
  private String orderId;

  private String carrier;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "shipped_by")
  private String shippedBy;

  @Column(name = "shipped_at")
  private Instant shippedAt;

  @ElementCollection
  @CollectionTable(name = "oms_shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
  @OrderColumn(name = "position")
  private List<ShipmentLineEmbeddable> lines = new ArrayList<>();

  protected ShipmentEntity() {}

  ShipmentEntity(
      String orderId, String carrier, String trackingNumber, List<SkuQuantity> lines, String by) {
    this.id = Ids.next();
    this.orderId = orderId;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.shippedBy = by;
    this.shippedAt = Instant.now();
    lines.forEach(l -> this.lines.add(new ShipmentLineEmbeddable(l)));
  }

  String orderId() {
    return orderId;
  }

  Shipment toShipment() {
    return new Shipment(
        id,
        carrier,
        trackingNumber,
        lines.stream().map(ShipmentLineEmbeddable::toLine).toList(),
        shippedAt);
  }
}
