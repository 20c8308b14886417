package io.hanse.oms.core.order;

import static io.hanse.oms.core.internal.TableRows.Type.DECIMAL;
import static io.hanse.oms.core.internal.TableRows.Type.INTEGER;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.OrderLine;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.SkuQuantityListConverter;
import io.hanse.oms.core.internal.StringMapConverter;
import io.hanse.oms.core.internal.TableRows;
import java.math.BigDecimal;
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

  /** A new line with the order it belongs to: the row a batch writes (see {@link OrderRows}). */
  record Row(OrderLineEntity line, String orderId) {}

  /** New lines' rows as the mapping writes them. */
  static final TableRows<Row> ROWS =
      TableRows.<Row>of("oms_order_line")
          .column("id", VARCHAR, r -> r.line.id)
          .column("order_id", VARCHAR, Row::orderId)
          .column("line_no", INTEGER, r -> r.line.lineNo)
          .column("sku", VARCHAR, r -> r.line.sku)
          .column("name", VARCHAR, r -> r.line.name)
          .column("quantity", INTEGER, r -> r.line.quantity)
          .column("unit_price", DECIMAL, r -> r.line.unitPrice)
          .column("line_total", DECIMAL, r -> r.line.lineTotal)
          .column("currency", VARCHAR, r -> r.line.currency)
          .column(
              "personalization",
              VARCHAR,
              r -> new StringMapConverter().convertToDatabaseColumn(r.line.personalization))
          .column(
              "kit_components",
              VARCHAR,
              r -> new SkuQuantityListConverter().convertToDatabaseColumn(r.line.kitComponents))
          .column("reserved", INTEGER, r -> r.line.reserved)
          .column("backordered", INTEGER, r -> r.line.backordered)
          .column("shipped", INTEGER, r -> r.line.shipped)
          .column("cancelled", INTEGER, r -> r.line.cancelled);

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
