package io.hanse.oms.soap.ws.orders;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** A named value, e.g. a personalization field. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "field")
public class Field {
  public String name;
  public String value;

  public Field() {}

  public Field(String name, String value) {
    this.name = name;
    this.value = value;
  }
}
