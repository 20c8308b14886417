package io.hanse.oms.core.inventory;

import static io.hanse.oms.core.internal.TableRows.Type.INTEGER;
import static io.hanse.oms.core.internal.TableRows.Type.TIMESTAMP;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.api.inventory.MovementType;
import io.hanse.oms.api.inventory.StockMovement;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.TableRows;
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

  /** New movements' rows as the mapping writes them, for batches written over JDBC. */
  public static final TableRows<StockMovementEntity> ROWS =
      TableRows.<StockMovementEntity>of("oms_stock_movement")
          .column("id", VARCHAR, m -> m.id)
          .column("sku", VARCHAR, m -> m.sku)
          .column("location", VARCHAR, m -> m.location)
          .column("type", VARCHAR, m -> m.type.name())
          .column("on_hand_delta", INTEGER, m -> m.onHandDelta)
          .column("reserved_delta", INTEGER, m -> m.reservedDelta)
          .column("reason", VARCHAR, m -> m.reason)
          .column("user_name", VARCHAR, m -> m.user)
          .column("order_id", VARCHAR, m -> m.orderId)
          .column("created_at", TIMESTAMP, m -> m.createdAt);

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
