package io.hanse.oms.core.inventory;

import io.hanse.oms.api.inventory.Supplier;
import io.hanse.oms.api.inventory.SupplierSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

/** A supplier and what it sells. */
@Entity
@Table(name = "oms_supplier")
public class SupplierEntity {
  @Id private String code;
  private String name;
  private String email;

  @ElementCollection
  @CollectionTable(name = "oms_supplier_item", joinColumns = @JoinColumn(name = "supplier_code"))
  @OrderColumn(name = "position")
  private List<SupplierItemEmbeddable> items = new ArrayList<>();

  protected SupplierEntity() {}

  SupplierEntity(String code) {
    this.code = code;
  }

  void replace(SupplierSpec spec) {
    this.name = spec.name();
    this.email = spec.email();
    this.items.clear();
    if (spec.items() != null) {
      spec.items().forEach(i -> items.add(new SupplierItemEmbeddable(i)));
    }
  }

  String code() {
    return code;
  }

  Optional<SupplierItemEmbeddable> item(String sku) {
    return items.stream().filter(i -> i.sku().equals(sku)).findFirst();
  }

  Supplier toSupplier() {
    return new Supplier(
        code, name, email, items.stream().map(SupplierItemEmbeddable::toItem).toList());
  }
}
