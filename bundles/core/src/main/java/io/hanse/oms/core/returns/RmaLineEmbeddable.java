package io.hanse.oms.core.returns;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.returns.RmaLine;
import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A line of a return: asked, arrived, and what became of what arrived. */
@Embeddable
public class RmaLineEmbeddable {
  private String sku;
  private int quantity;
  private String reason;
  private int received;
  private int restocked;

  @Column(name = "written_off")
  private int writtenOff;

  @Column(name = "unit_price")
  private BigDecimal unitPrice;

  protected RmaLineEmbeddable() {}

  RmaLineEmbeddable(String sku, int quantity, String reason, BigDecimal unitPrice) {
    this.sku = sku;
    this.quantity = quantity;
    this.reason = reason;
    this.unitPrice = unitPrice;
  }

  String sku() {
    return sku;
  }

  int quantity() {
    return quantity;
  }

  int received() {
    return received;
  }

  BigDecimal unitPrice() {
    return unitPrice;
  }

  void receive(int units, boolean restock) {
    received += units;
    if (restock) {
      restocked += units;
    } else {
      writtenOff += units;
    }
  }

  RmaLine toLine(String currency) {
    return new RmaLine(
        sku,
        quantity,
        reason,
        received,
        restocked,
        writtenOff,
        new Money(unitPrice.multiply(BigDecimal.valueOf(received)).stripTrailingZeros(), currency));
  }
}
