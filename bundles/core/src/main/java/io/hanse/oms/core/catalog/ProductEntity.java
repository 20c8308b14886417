package io.hanse.oms.core.catalog;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.catalog.Product;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.JdbcReads;
import io.hanse.oms.core.internal.StringMapConverter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A sellable SKU. A kit holds no stock: its components do. */
@Entity
@Table(name = "oms_product")
public class ProductEntity {
  @Id private String sku;
  private String name;

  @Column(name = "price_amount")
  private BigDecimal priceAmount;

  private String currency;
  private String style;

  @Convert(converter = StringMapConverter.class)
  private Map<String, String> attributes = new LinkedHashMap<>();

  private boolean backorderable;
  private boolean kit;

  @Column(name = "personalization_template")
  private String personalizationTemplate;

  @ElementCollection
  @CollectionTable(name = "oms_kit_component", joinColumns = @JoinColumn(name = "kit_sku"))
  @OrderColumn(name = "position")
  private List<KitComponentEmbeddable> components = new ArrayList<>();

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected ProductEntity() {}

  public ProductEntity(String sku) {
    this.sku = sku;
  }

  /**
   * The query of what new orders need of {@code skus} (name, price, backorderable, kit components,
   * personalization template), into {@code into} by SKU, as copies that no persistence context
   * manages: a batch of orders reads them and never writes them, and Hibernate spends nothing on
   * them. Style and attributes stay empty. Empty when there are no SKUs.
   */
  public static Optional<JdbcReads.Read> reading(
      Collection<String> skus, Map<String, ProductEntity> into) {
    List<String> padded = InLists.padded(skus);
    if (padded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JdbcReads.Read(
            "select p.sku, p.name, p.price_amount, p.currency, p.backorderable, p.kit,"
                + " p.personalization_template, k.component_sku, k.quantity"
                + " from oms_product p left join oms_kit_component k on k.kit_sku = p.sku"
                + " where p.sku in ("
                + InLists.placeholders(padded.size())
                + ") order by p.sku, k.position",
            (ps, first) -> InLists.bind(ps, first, padded),
            rs -> {
              ProductEntity p = into.get(rs.getString(1));
              if (p == null) {
                p = new ProductEntity(rs.getString(1));
                p.name = rs.getString(2);
                p.priceAmount = rs.getBigDecimal(3);
                p.currency = rs.getString(4);
                p.backorderable = rs.getBoolean(5);
                p.kit = rs.getBoolean(6);
                p.personalizationTemplate = rs.getString(7);
                into.put(p.sku, p);
              }
              String component = rs.getString(8);
              if (component != null) {
                p.components.add(new KitComponentEmbeddable(component, rs.getInt(9)));
              }
            }));
  }

  /** Replaces everything a caller may set; the service has validated the values. */
  void replace(
      String name,
      Money price,
      String style,
      Map<String, String> attributes,
      List<SkuQuantity> components,
      boolean backorderable,
      String template) {
    this.name = name;
    this.priceAmount = price.amount();
    this.currency = price.currency();
    this.style = style;
    this.attributes = new LinkedHashMap<>(attributes);
    this.components.clear();
    components.forEach(c -> this.components.add(new KitComponentEmbeddable(c.sku(), c.quantity())));
    this.kit = !components.isEmpty();
    this.backorderable = backorderable;
    this.personalizationTemplate = template;
    this.updatedAt = Instant.now();
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public Money price() {
    return new Money(priceAmount, currency);
  }

  public String style() {
    return style;
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  public boolean isKit() {
    return kit;
  }

  public boolean backorderable() {
    return backorderable;
  }

  public String personalizationTemplate() {
    return personalizationTemplate;
  }

  public List<KitComponentEmbeddable> components() {
    return components;
  }

  public Product toProduct() {
    return new Product(
        sku,
        name,
        price(),
        style,
        Map.copyOf(attributes),
        components.stream().map(c -> new SkuQuantity(c.sku(), c.quantity())).toList(),
        backorderable,
        personalizationTemplate);
  }
}
