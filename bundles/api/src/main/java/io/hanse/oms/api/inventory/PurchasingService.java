package io.hanse.oms.api.inventory;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import java.util.List;
import java.util.Optional;

/** Suppliers and purchase orders; receiving a purchase order puts stock on hand. */
public interface PurchasingService {

  Supplier putSupplier(String code, SupplierSpec spec);

  Optional<Supplier> findSupplier(String code);

  /**
   * Raises a purchase order at the supplier's costs.
   *
   * @throws ValidationException for an unknown supplier, location, or a SKU the supplier does not
   *     sell
   */
  PurchaseOrder createPurchaseOrder(PurchaseOrderSpec spec, String user);

  Optional<PurchaseOrder> findPurchaseOrder(String id);

  List<PurchaseOrder> listPurchaseOrders(String supplier, PurchaseOrderStatus status);

  /**
   * Receives some or all of the open quantities; each line becomes a receipt movement.
   *
   * @throws ConflictException when a line receives more than is still open, or the order is closed
   */
  PurchaseOrder receive(String purchaseOrderId, List<SkuQuantity> lines, String user);

  /** Cancels what is still open; received stock stays. */
  PurchaseOrder cancelPurchaseOrder(String purchaseOrderId, String user);
}
