package io.hanse.oms.core.inventory;

import io.hanse.oms.api.inventory.LocationStock;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.EmbeddedId;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * Stock of a SKU at a location. Quantities change only through the conditional updates of {@link
 * StockLedger}, never by setting fields of a loaded entity: a read-then-write would oversell.
 */
@Entity
@Table(name = "oms_stock_level")
public class StockLevelEntity {
  @EmbeddedId private StockKey key;

  @Column(name = "on_hand")
  private int onHand;

  private int reserved;

  @Column(name = "safety_stock")
  private int safetyStock;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected StockLevelEntity() {}

  StockLevelEntity(StockKey key) {
    this.key = key;
    this.updatedAt = Instant.now();
  }

  public StockKey key() {
    return key;
  }

  public LocationStock toLocationStock() {
    return new LocationStock(key.location(), onHand, reserved, onHand - reserved, safetyStock);
  }
}
