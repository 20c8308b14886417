package io.hanse.oms.shell;

import io.hanse.oms.api.SkuQuantity;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code SKU=QUANTITY} arguments, refusing anything else with a message that says why. */
final class Quantities {
  private Quantities() {}

  static List<SkuQuantity> parse(List<String> args) {
    List<SkuQuantity> lines = new ArrayList<>();
    for (String arg : args == null ? List.<String>of() : args) {
      int eq = arg.lastIndexOf('=');
      if (eq <= 0 || eq == arg.length() - 1) {
        throw new IllegalArgumentException("expected SKU=QUANTITY, got '" + arg + "'");
      }
      String sku = arg.substring(0, eq).trim();
      int quantity;
      try {
        quantity = Integer.parseInt(arg.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("quantity of " + sku + " is not a whole number: " + arg);
      }
      if (quantity <= 0) {
        throw new IllegalArgumentException("quantity of " + sku + " must be positive: " + arg);
      }
      lines.add(new SkuQuantity(sku, quantity));
    }
    return lines;
  }
}
