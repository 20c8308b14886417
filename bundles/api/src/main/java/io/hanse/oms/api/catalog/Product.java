package io.hanse.oms.api.catalog;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import java.util.List;
import java.util.Map;

/** A product as the catalog knows it. A kit has components and holds no stock of its own. */
public record Product(
    String sku,
    String name,
    Money price,
    String style,
    Map<String, String> attributes,
    List<SkuQuantity> components,
    boolean backorderable,
    String personalizationTemplate) {

  public boolean isKit() {
    return !components.isEmpty();
  }
}
