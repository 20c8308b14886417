package io.hanse.oms.shell;

import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.StockSummary;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "stock",
    description = "Shows the stock of a SKU per location: on hand, reserved, available, safety.")
public class StockCommand implements Action {
  @Reference private InventoryService inventory;

  @Argument(index = 0, name = "sku", description = "The SKU", required = true)
  @Completion(SkuCompleter.class)
  private String sku;

  @Option(
      name = "--department",
      aliases = "-d",
      description = "Only locations serving this department (web, store, catalog)")
  private String department;

  @Override
  public Object execute() {
    print(inventory.stock(sku, department));
    return null;
  }

  static void print(StockSummary stock) {
    ShellTable table = new ShellTable();
    table.column("Location");
    table.column("On hand").alignRight();
    table.column("Reserved").alignRight();
    table.column("Available").alignRight();
    table.column("Safety").alignRight();
    for (LocationStock l : stock.locations()) {
      table
          .addRow()
          .addContent(l.location(), l.onHand(), l.reserved(), l.available(), l.safetyStock());
    }
    table.addRow().addContent("total", stock.onHand(), stock.reserved(), stock.available(), "");
    System.out.println(stock.sku());
    table.print(System.out);
  }
}
