package io.hanse.oms.api.inventory;

import java.util.List;

/** A supplier as a caller describes it. */
public record SupplierSpec(String name, String email, List<SupplierItem> items) {}
