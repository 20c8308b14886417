package io.hanse.oms.api.catalog;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import java.util.List;
import java.util.Map;

/**
 * What a caller says about a product when creating or replacing it.
 *
 * @param name display name
 * @param price list price
 * @param style optional style code grouping this SKU with its variants
 * @param attributes variant attributes within the style, e.g. {@code size=M, colour=navy}
 * @param components for a kit: the component SKUs and quantities per kit; empty otherwise
 * @param backorderable whether an order may take more than is available
 * @param personalizationTemplate optional code of the template an order line fills in
 */
public record ProductSpec(
    String name,
    Money price,
    String style,
    Map<String, String> attributes,
    List<SkuQuantity> components,
    boolean backorderable,
    String personalizationTemplate) {}
