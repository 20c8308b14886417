package io.hanse.oms.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Not enough stock to reserve an order whole; nothing was reserved. {@link #shortages()} says, per
 * SKU, how many were asked for and how many were available.
 */
public class InsufficientStockException extends ConflictException {
  private static final long serialVersionUID = 1L;
  private final List<Shortage> shortages;

  /** One SKU the order could not get enough of. */
  public record Shortage(String sku, int requested, int available) {}

  public InsufficientStockException(List<Shortage> shortages) {
    super(
        "insufficient stock: "
            + shortages.stream()
                .map(s -> s.sku() + " requested " + s.requested() + ", available " + s.available())
                .collect(Collectors.joining("; ")));
    this.shortages = List.copyOf(shortages);
  }

  public List<Shortage> shortages() {
    return shortages;
  }

  @Override
  public String code() {
    return "insufficient-stock";
  }
}
