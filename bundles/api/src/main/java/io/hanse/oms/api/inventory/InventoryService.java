package io.hanse.oms.api.inventory;

import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import java.util.List;

/** Locations and stock. Every change is one transaction and one movement in the log. */
public interface InventoryService {

  /** Creates or replaces a location. */
  Location putLocation(String code, LocationSpec spec);

  List<Location> listLocations();

  /**
   * Changes stock on hand at a location.
   *
   * @param user who made the change, recorded on the movement
   * @throws ValidationException for an unknown SKU or location, a kit, or a zero quantity
   * @throws InsufficientStockException when the change would take on hand below what is reserved
   */
  LocationStock adjust(StockAdjustment adjustment, String user);

  /**
   * Puts returned goods back into stock at a location, in one transaction: one {@code RETURN}
   * movement per SKU (a kit returns its components).
   *
   * @param reason what the return was, e.g. the store's return id; recorded on each movement
   * @throws ValidationException for an unknown SKU or location, or a quantity below one
   */
  void returnToStock(String location, List<SkuQuantity> lines, String reason, String user);

  /** Sets the quantity held back from channels at a location. */
  LocationStock setSafetyStock(String sku, String location, int quantity, String user);

  /**
   * Stock of a SKU (or kit) over all locations, or over those serving a department.
   *
   * @param department {@code web}, {@code store} or {@code catalog}; {@code null} for all
   * @throws NotFoundException for an unknown SKU
   */
  StockSummary stock(String sku, String department);

  /** The newest movements of a SKU, newest first. */
  List<StockMovement> movements(String sku, int limit);
}
