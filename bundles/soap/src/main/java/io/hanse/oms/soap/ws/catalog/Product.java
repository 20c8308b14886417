package io.hanse.oms.soap.ws.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** A sellable item: a plain SKU, a variant of a style, or a kit of components. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "product")
public class Product {
  @XmlElement(required = true)
  public String sku;

  @XmlElement(required = true)
  public String name;

  @XmlElement(required = true)
  public BigDecimal price;

  /** ISO 4217, e.g. EUR. */
  @XmlElement(required = true)
  public String currency;

  public String style;

  @XmlElement(name = "attribute")
  public List<Attribute> attributes = new ArrayList<>();

  @XmlElement(name = "component")
  public List<Component> components = new ArrayList<>();

  public boolean backorderable;
  public String personalizationTemplate;

  /** A variant attribute such as size or colour. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "attribute")
  public static class Attribute {
    public String name;
    public String value;
  }

  /** Units of a component SKU in one kit. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "component")
  public static class Component {
    public String sku;
    public int quantity;
  }
}
