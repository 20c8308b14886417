package io.hanse.oms.core.inventory;

import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.api.inventory.StockMovement;
import io.hanse.oms.core.internal.Ids;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/** One row of the append-only stock movement log. Never updated, never deleted. */
@Entity
@Table(name = "oms_stock_movement")
public class StockMovementEntity {
  @Id private String id;
  private String sku;
  private String location;

  @Enumerated(EnumType.STRING)
  private MovementType type;

  @Column(name = "on_hand_delta")
  private int onHandDelta;

  @Column(name = "reserved_delta")
  private int reservedDelta;

  private String reason;

  @Column(name = "user_name")
  private String user;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected StockMovementEntity() {}

  /** The insert of a new movement, as the mapping writes it, for batches written over JDBC. */
  static final String INSERT =
      "insert into oms_stock_movement (id, sku, location, type, on_hand_delta, reserved_delta,"
          + " reason, user_name, order_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  void bindInsert(PreparedStatement ps) throws SQLException {
    ps.setString(1, id);
    ps.setString(2, sku);
    ps.setString(3, location);
    ps.setString(4, type.name());
    ps.setInt(5, onHandDelta);
    ps.setInt(6, reservedDelta);
    ps.setString(7, reason);
    ps.setString(8, user);
    ps.setString(9, orderId);
    ps.setTimestamp(10, Timestamp.from(createdAt));
  }

  StockMovementEntity(
      String sku,
      String location,
      MovementType type,
      int onHandDelta,
      int reservedDelta,
      String reason,
      String user,
      String orderId) {
    this.id = Ids.next();
    this.sku = sku;
    this.location = location;
    this.type = type;
    this.onHandDelta = onHandDelta;
    this.reservedDelta = reservedDelta;
    this.reason = reason;
    this.user = user;
    this.orderId = orderId;
    this.createdAt = Instant.now();
  }

  public StockMovement toMovement() {
    return new StockMovement(
        id, sku, location, type, onHandDelta, reservedDelta, reason, user, orderId, createdAt);
  }
}
