package io.hanse.oms.core.catalog;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import io.hanse.oms.api.catalog.Product;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.catalog.Style;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Transactions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Products, styles, kits and personalization templates. */
@Component(service = CatalogService.class)
public class CatalogServiceImpl implements CatalogService {
  static final int MAX_COMPONENTS = 50;
  static final int MAX_ATTRIBUTES = 20;

  private final Transactions tx;

  @Activate
  public CatalogServiceImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Product putProduct(String sku, ProductSpec spec) {
    check(sku, spec);
    Map<String, String> attributes = spec.attributes() == null ? Map.of() : spec.attributes();
    List<SkuQuantity> components = spec.components() == null ? List.of() : spec.components();
    return tx.write(
        em -> {
          checkReferences(em, sku, spec, attributes, components);
          ProductEntity product = em.find(ProductEntity.class, sku);
          boolean isNew = product == null;
          if (isNew) {
            product = new ProductEntity(sku);
          } else if (!product.isKit() && !components.isEmpty() && hasStock(em, sku)) {
            throw new ConflictException("sku " + sku + " holds stock and cannot become a kit");
          }
          product.replace(
              spec.name(),
              spec.price(),
              blankToNull(spec.style()),
              attributes,
              components,
              spec.backorderable(),
              blankToNull(spec.personalizationTemplate()));
          if (isNew) {
            em.persist(product);
          }
          em.flush();
          return product.toProduct();
        });
  }

  private static void check(String sku, ProductSpec spec) {
    new Checks().code("sku", sku).required("product", spec).orThrow();
    Checks checks =
        new Checks()
            .required("name", spec.name())
            .maxLength("name", spec.name(), 200)
            .required("price", spec.price())
            .that(spec.price() == null || spec.price().signum() >= 0, "price must not be negative");
    if (spec.style() != null && !spec.style().isBlank()) {
      checks.code("style", spec.style());
    }
    if (spec.personalizationTemplate() != null && !spec.personalizationTemplate().isBlank()) {
      checks.code("personalizationTemplate", spec.personalizationTemplate());
    }
    Map<String, String> attributes = spec.attributes() == null ? Map.of() : spec.attributes();
    checks.that(attributes.size() <= MAX_ATTRIBUTES, "at most " + MAX_ATTRIBUTES + " attributes");
    attributes.forEach(
        (k, v) ->
            checks
                .that(
                    k != null && !k.isBlank() && k.length() <= 64, "attribute names are 1-64 chars")
                .that(v != null && v.length() <= 200, "attribute " + k + " must be 0-200 chars"));
    List<SkuQuantity> components = spec.components() == null ? List.of() : spec.components();
    checks.that(components.size() <= MAX_COMPONENTS, "at most " + MAX_COMPONENTS + " components");
    Set<String> seen = new HashSet<>();
    for (SkuQuantity c : components) {
      checks
          .code("components.sku", c == null ? null : c.sku())
          .that(
              c == null || (c.quantity() >= 1 && c.quantity() <= 1000),
              "component quantity must be 1-1000")
          .that(c == null || !sku.equals(c.sku()), "a kit cannot contain itself")
          .that(
              c == null || seen.add(c.sku()),
              "component " + (c == null ? "" : c.sku()) + " appears twice");
    }
    checks.orThrow();
  }

  private void checkReferences(
      EntityManager em,
      String sku,
      ProductSpec spec,
      Map<String, String> attributes,
      List<SkuQuantity> components) {
    Checks checks = new Checks();
    for (SkuQuantity c : components) {
      ProductEntity component = em.find(ProductEntity.class, c.sku());
      checks
          .that(component != null, "unknown component sku: " + c.sku())
          .that(component == null || !component.isKit(), "component " + c.sku() + " is a kit");
    }
    if (!components.isEmpty()) {
      Long usedIn =
          em.createQuery(
                  "select count(p) from ProductEntity p join p.components c where c.sku = :sku",
                  Long.class)
              .setParameter("sku", sku)
              .getSingleResult();
      checks.that(usedIn == 0, "sku " + sku + " is a component of a kit and cannot be a kit");
    }
    String template = blankToNull(spec.personalizationTemplate());
    checks.that(
        template == null || em.find(TemplateEntity.class, template) != null,
        "unknown personalization template: " + template);
    checks.orThrow();
    String style = blankToNull(spec.style());
    if (style != null && !attributes.isEmpty()) {
      List<ProductEntity> siblings =
          em.createQuery(
                  "select p from ProductEntity p where p.style = :style and p.sku <> :sku",
                  ProductEntity.class)
              .setParameter("style", style)
              .setParameter("sku", sku)
              .getResultList();
      for (ProductEntity sibling : siblings) {
        if (sibling.attributes().equals(attributes)) {
          throw new ConflictException(
              "variant " + sibling.sku() + " of style " + style + " has the same attributes");
        }
      }
    }
  }

  private static boolean hasStock(EntityManager em, String sku) {
    return em.createQuery(
                "select count(s) from StockLevelEntity s where s.key.sku = :sku"
                    + " and (s.onHand > 0 or s.reserved > 0)",
                Long.class)
            .setParameter("sku", sku)
            .getSingleResult()
        > 0;
  }

  @Override
  public Optional<Product> findProduct(String sku) {
    return tx.read(
        em -> Optional.ofNullable(em.find(ProductEntity.class, sku)).map(ProductEntity::toProduct));
  }

  @Override
  public Page<Product> listProducts(String query, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, Page.MAX_SIZE));
    int pageNo = Math.max(0, page);
    String like = "%" + (query == null ? "" : query.toLowerCase(java.util.Locale.ROOT)) + "%";
    return tx.read(
        em -> {
          List<Product> items =
              em
                  .createQuery(
                      "select p from ProductEntity p where lower(p.sku) like :q"
                          + " or lower(p.name) like :q order by p.sku",
                      ProductEntity.class)
                  .setParameter("q", like)
                  .setFirstResult(pageNo * pageSize)
                  .setMaxResults(pageSize + 1)
                  .getResultList()
                  .stream()
                  .map(ProductEntity::toProduct)
                  .toList();
          boolean more = items.size() > pageSize;
          return new Page<>(more ? items.subList(0, pageSize) : items, pageNo, pageSize, more);
        });
  }

  @Override
  public Style getStyle(String code) {
    List<Product> variants =
        tx.read(
            em ->
                em
                    .createQuery(
                        "select p from ProductEntity p where p.style = :style order by p.sku",
                        ProductEntity.class)
                    .setParameter("style", code)
                    .getResultList()
                    .stream()
                    .map(ProductEntity::toProduct)
                    .toList());
    if (variants.isEmpty()) {
      throw new NotFoundException("style", code);
    }
    return new Style(code, variants);
  }

  @Override
  public PersonalizationTemplate putTemplate(PersonalizationTemplate template) {
    new Checks().required("template", template).orThrow();
    Checks checks =
        new Checks()
            .code("code", template.code())
            .required("name", template.name())
            .maxLength("name", template.name(), 200);
    PersonalizationRules.checkTemplate(template).forEach(e -> checks.that(false, e));
    checks.orThrow();
    return tx.write(
        em -> {
          TemplateEntity entity = em.find(TemplateEntity.class, template.code());
          if (entity == null) {
            entity = new TemplateEntity(template.code());
            entity.replace(template);
            em.persist(entity);
          } else {
            entity.replace(template);
          }
          return entity.toTemplate();
        });
  }

  @Override
  public Optional<PersonalizationTemplate> findTemplate(String code) {
    return tx.read(
        em ->
            Optional.ofNullable(em.find(TemplateEntity.class, code))
                .map(TemplateEntity::toTemplate));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
