package io.hanse.oms.core.inventory;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.inventory.PurchaseOrder;
import io.hanse.oms.api.inventory.PurchaseOrderStatus;
import io.hanse.oms.core.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A purchase order; it is received line by line until nothing is open. */
@Entity
@Table(name = "oms_purchase_order")
public class PurchaseOrderEntity {
  @Id private String id;

  @Column(name = "supplier_code")
  private String supplier;

  private String location;

  @Enumerated(EnumType.STRING)
  private PurchaseOrderStatus status;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  @ElementCollection
  @CollectionTable(
      name = "oms_purchase_order_line",
      joinColumns = @JoinColumn(name = "purchase_order_id"))
  @OrderColumn(name = "line_no")
  private List<PurchaseOrderLineEmbeddable> lines = new ArrayList<>();

  protected PurchaseOrderEntity() {}

  PurchaseOrderEntity(
      String supplier, String location, List<PurchaseOrderLineEmbeddable> lines, String by) {
    this.id = Ids.next();
    this.supplier = supplier;
    this.location = location;
    this.lines.addAll(lines);
    this.status = PurchaseOrderStatus.OPEN;
    this.createdBy = by;
    this.createdAt = Instant.now();
  }

  String location() {
    return location;
  }

  /** Records a receipt of a SKU against its open quantity; returns nothing, throws on excess. */
  void receive(String sku, int quantity) {
    if (status == PurchaseOrderStatus.RECEIVED || status == PurchaseOrderStatus.CANCELLED) {
      throw new ConflictException("purchase order " + id + " is " + status);
    }
    PurchaseOrderLineEmbeddable line =
        lines.stream()
            .filter(l -> l.sku().equals(sku))
            .findFirst()
            .orElseThrow(
                () -> new ConflictException("sku " + sku + " is not on purchase order " + id));
    if (quantity > line.open()) {
      throw new ConflictException(
          "cannot receive " + quantity + " of " + sku + ": " + line.open() + " open");
    }
    line.receive(quantity);
    boolean anyOpen = lines.stream().anyMatch(l -> l.open() > 0);
    status = anyOpen ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.RECEIVED;
  }

  void cancel() {
    if (status == PurchaseOrderStatus.RECEIVED || status == PurchaseOrderStatus.CANCELLED) {
      throw new ConflictException("purchase order " + id + " is " + status);
    }
    status = PurchaseOrderStatus.CANCELLED;
  }

  PurchaseOrder toPurchaseOrder() {
    return new PurchaseOrder(
        id,
        supplier,
        location,
        status,
        lines.stream().map(PurchaseOrderLineEmbeddable::toLine).toList(),
        createdAt);
  }
}
