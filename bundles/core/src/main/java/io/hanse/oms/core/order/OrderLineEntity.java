package io.hanse.oms.core.order;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.OrderLine;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.SkuQuantityListConverter;
import io.hanse.oms.core.internal.StringMapConverter;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A line of an order. Its quantity is always reserved + backordered + shipped + cancelled; the
 * methods below keep it so.
 */
@Entity
@Table(name = "oms_order_line")
public class OrderLineEntity {
  @Id private String id;

  @Column(name = "line_no")
  private int lineNo;

  private String sku;
  private String name;
  private int quantity;

  @Column(name = "unit_price")
  private BigDecimal unitPrice;

  @Column(name = "line_total")
  private BigDecimal lineTotal;

  private String currency;

  @Convert(converter = StringMapConverter.class)
  private Map<String, String> personalization;

  @Convert(converter = SkuQuantityListConverter.class)
  @Column(name = "kit_components")
  private List<SkuQuantity> kitComponents;

  private int reserved;
  private int backordered;
  private int shipped;
  private int cancelled;

  protected OrderLineEntity() {}

  /** The insert of a new line of an order, as the mapping writes it (see {@link OrderRows}). */
  static final String INSERT =
      "insert into oms_order_line (id, order_id, line_no, sku, name, quantity, unit_price,"
          + " line_total, currency, personalization, kit_components, reserved, backordered,"
          + " shipped, cancelled) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  void bindInsert(PreparedStatement ps, String orderId) throws SQLException {
    ps.setString(1, id);
    ps.setString(2, orderId);
    ps.setInt(3, lineNo);
    ps.setString(4, sku);
    ps.setString(5, name);
    ps.setInt(6, quantity);
    ps.setBigDecimal(7, unitPrice);
    ps.setBigDecimal(8, lineTotal);
    ps.setString(9, currency);
    ps.setString(10, new StringMapConverter().convertToDatabaseColumn(personalization));
    ps.setString(11, new SkuQuantityListConverter().convertToDatabaseColumn(kitComponents));
    ps.setInt(12, reserved);
    ps.setInt(13, backordered);
    ps.setInt(14, shipped);
    ps.setInt(15, cancelled);
  }

  OrderLineEntity(
      int lineNo,
      String sku,
      String name,
      int quantity,
      Money unitPrice,
      Money lineTotal,
      Map<String, String> personalization,
      List<SkuQuantity> kitComponents,
      int reserved) {
    this.id = Ids.next();
    this.lineNo = lineNo;
    this.sku = sku;
    this.name = name;
    this.quantity = quantity;
    this.unitPrice = unitPrice.amount();
    this.lineTotal = lineTotal.amount();
    this.currency = unitPrice.currency();
    this.personalization = personalization == null ? Map.of() : Map.copyOf(personalization);
    this.kitComponents = List.copyOf(kitComponents);
    this.reserved = reserved;
    this.backordered = quantity - reserved;
  }

  /** For a kit line, its components per kit as sold; empty for a plain SKU. */
  List<SkuQuantity> kitComponents() {
    return kitComponents == null ? List.of() : kitComponents;
  }

  int lineNo() {
    return lineNo;
  }

  java.math.BigDecimal unitPrice() {
    return unitPrice;
  }

  String sku() {
    return sku;
  }

  int quantity() {
    return quantity;
  }

  Map<String, String> personalization() {
    return personalization;
  }

  int reserved() {
    return reserved;
  }

  int backordered() {
    return backordered;
  }

  /** Units still to ship: reserved or waiting for stock. */
  int shipped() {
    return shipped;
  }

  int open() {
    return reserved + backordered;
  }

  /** Backordered units that stock has arrived for become reserved. */
  void allocate(int units) {
    if (units < 0 || units > backordered) {
      throw new IllegalStateException("line " + lineNo + " cannot allocate " + units);
    }
    backordered -= units;
    reserved += units;
  }

  void ship(int units) {
    if (units > reserved) {
      throw new IllegalStateException("line " + lineNo + " ships more than reserved");
    }
    reserved -= units;
    shipped += units;
  }

  /** Cancels everything not shipped. */
  void cancelOpen() {
    cancelled += reserved + backordered;
    reserved = 0;
    backordered = 0;
  }

  Money lineTotal() {
    return new Money(lineTotal, currency);
  }

  OrderLine toLine() {
    return new OrderLine(
        lineNo,
        sku,
        name,
        quantity,
        new Money(unitPrice, currency),
        lineTotal(),
        personalization,
        reserved,
        backordered,
        shipped,
        cancelled);
  }
}
