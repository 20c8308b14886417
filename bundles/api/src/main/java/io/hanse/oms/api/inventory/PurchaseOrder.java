package io.hanse.oms.api.inventory;

import java.time.Instant;
import java.util.List;

/** A purchase order to a supplier. */
public record PurchaseOrder(
    String id,
    String supplier,
    String location,
    PurchaseOrderStatus status,
    List<PurchaseOrderLine> lines,
    Instant createdAt) {}
