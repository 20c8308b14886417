package io.hanse.oms.core.order;

import io.hanse.oms.core.internal.Ids;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

  /** The insert of a new reservation, as the mapping writes it (see {@link OrderRows}). */
  static final String INSERT =
      "insert into oms_reservation (id, order_id, line_no, sku, location, quantity)"
          + " values (?, ?, ?, ?, ?, ?)";

  void bindInsert(PreparedStatement ps) throws SQLException {
    ps.setString(1, id);
    ps.setString(2, orderId);
    ps.setInt(3, lineNo);
    ps.setString(4, sku);
    ps.setString(5, location);
    ps.setInt(6, quantity);
  }

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
