package io.hanse.oms.core.inventory;

import io.hanse.oms.core.inventory.StockLedger.Grant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where an order's allocation takes its stock from: the database row by row ({@link StockLedger})
 * or, for a batch of orders taken in one transaction, a snapshot the batch applies at once ({@link
 * BatchStock}).
 */
public interface StockReservations {

  /** What each SKU has available per location, fullest location first; only a guide. */
  Map<String, List<Grant>> availability(Collection<String> skus, Collection<String> locations);

  /** Reserves up to {@code quantity} from the locations of a snapshot; returns what it got. */
  List<Grant> reserveUpTo(String sku, int quantity, List<Grant> snapshot);
}
