package io.hanse.oms.shell;

import io.hanse.oms.api.inventory.PurchaseOrder;
import io.hanse.oms.api.inventory.PurchaseOrderLine;
import io.hanse.oms.api.inventory.PurchasingService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "po-receive",
    description = "Books goods received against a purchase order into its location's stock.")
public class PoReceiveCommand implements Action {
  @Reference private PurchasingService purchasing;

  @Argument(index = 0, name = "id", description = "The purchase order id", required = true)
  private String id;

  @Argument(
      index = 1,
      name = "lines",
      description = "What arrived, as SKU=QUANTITY",
      required = true,
      multiValued = true)
  private List<String> lines;

  @Override
  public Object execute() {
    PurchaseOrder po = purchasing.receive(id, Quantities.parse(lines), Caller.name());
    ShellTable table = new ShellTable();
    table.column("SKU");
    table.column("Ordered").alignRight();
    table.column("Received").alignRight();
    for (PurchaseOrderLine line : po.lines()) {
      table.addRow().addContent(line.sku(), line.ordered(), line.received());
    }
    System.out.println("Purchase order " + po.id() + " is " + po.status() + ".");
    table.print(System.out);
    return null;
  }
}
