package io.hanse.oms.api.catalog;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import java.util.Optional;

/** The product catalog: SKUs, styles, kits and personalization templates. */
public interface CatalogService {

  /**
   * Creates or replaces the product with this SKU.
   *
   * @throws ValidationException when the spec is invalid: a kit component that does not exist or is
   *     itself a kit, a variant whose attributes repeat another variant of its style, an unknown
   *     personalization template
   */
  Product putProduct(String sku, ProductSpec spec);

  Optional<Product> findProduct(String sku);

  /**
   * The product with this SKU.
   *
   * @throws NotFoundException when no product has this SKU
   */
  default Product getProduct(String sku) {
    return findProduct(sku).orElseThrow(() -> new NotFoundException("product", sku));
  }

  /** Products whose SKU or name contains the query (all when it is blank), by SKU. */
  Page<Product> listProducts(String query, int page, int size);

  /**
   * A style and its variants.
   *
   * @throws NotFoundException when no product has this style
   */
  Style getStyle(String code);

  /** Creates or replaces a personalization template. */
  PersonalizationTemplate putTemplate(PersonalizationTemplate template);

  Optional<PersonalizationTemplate> findTemplate(String code);
}
