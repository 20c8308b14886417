package io.hanse.oms.api.inventory;

import java.util.List;

/** A supplier and the SKUs it sells. */
public record Supplier(String code, String name, String email, List<SupplierItem> items) {}
