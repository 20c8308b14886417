package io.hanse.oms.core.order;

import static io.hanse.oms.core.internal.TableRows.Type.INTEGER;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.TableRows;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Units an order line holds at a location. A kit line holds its components. Shipping and cancelling
 * consume these rows, so the order always knows where its stock sits.
 */
@Entity
@Table(name = "oms_reservation")
public class ReservationEntity {
  @Id private String id;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "line_no")
  private int lineNo;

  private String sku;
  private String location;
  private int quantity;

  protected ReservationEntity() {}

  /** New reservations' rows as the mapping writes them (see {@link OrderRows}). */
  static final TableRows<ReservationEntity> ROWS =
      TableRows.<ReservationEntity>of("oms_reservation")
          .column("id", VARCHAR, r -> r.id)
          .column("order_id", VARCHAR, r -> r.orderId)
          .column("line_no", INTEGER, r -> r.lineNo)
          .column("sku", VARCHAR, r -> r.sku)
          .column("location", VARCHAR, r -> r.location)
          .column("quantity", INTEGER, r -> r.quantity);

  ReservationEntity(String orderId, int lineNo, String sku, String location, int quantity) {
    this.id = Ids.next();
    this.orderId = orderId;
    this.lineNo = lineNo;
    this.sku = sku;
    this.location = location;
    this.quantity = quantity;
  }

  int lineNo() {
    return lineNo;
  }

  String sku() {
    return sku;
  }

  String location() {
    return location;
  }

  int quantity() {
    return quantity;
  }

  /** Takes up to {@code wanted} units off this reservation; returns how many it took. */
  int take(int wanted) {
    int taken = Math.min(wanted, quantity);
    quantity -= taken;
    return taken;
  }
}
