package io.hanse.oms.shell;

import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.StockAdjustment;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "stock-adjust",
    description =
        "Changes stock on hand at a location by a counted difference, e.g."
            + " oms:stock-adjust -r damaged MUG-ANCHOR WH-HAMBURG -2")
public class StockAdjustCommand implements Action {
  @Reference private InventoryService inventory;

  @Argument(index = 0, name = "sku", description = "The SKU", required = true)
  @Completion(SkuCompleter.class)
  private String sku;

  @Argument(index = 1, name = "location", description = "The location code", required = true)
  @Completion(LocationCompleter.class)
  private String location;

  @Argument(
      index = 2,
      name = "quantity",
      description = "The change: positive for found or received, negative for lost",
      required = true)
  private String quantity;

  @Option(name = "--reason", aliases = "-r", description = "Why, kept with the movement")
  private String reason = "adjusted from the shell";

  @Override
  public Object execute() {
    int delta;
    try {
      delta = Integer.parseInt(quantity.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("quantity must be a whole number, not '" + quantity + "'");
    }
    LocationStock after =
        inventory.adjust(new StockAdjustment(sku, location, delta, reason), Caller.name());
    System.out.printf(
        "%s at %s: on hand %d, reserved %d, available %d%n",
        sku, after.location(), after.onHand(), after.reserved(), after.available());
    return null;
  }
}
