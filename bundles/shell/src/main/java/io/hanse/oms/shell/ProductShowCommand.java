package io.hanse.oms.shell;

import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.Product;
import io.hanse.oms.api.inventory.InventoryService;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "product-show",
    description = "Shows a product: price, style and attributes, kit components, and its stock.")
public class ProductShowCommand implements Action {
  @Reference private CatalogService catalog;

  @Reference private InventoryService inventory;

  @Argument(index = 0, name = "sku", description = "The SKU", required = true)
  @Completion(SkuCompleter.class)
  private String sku;

  @Override
  public Object execute() {
    Product p = catalog.getProduct(sku);
    ShellTable table = new ShellTable().noHeaders();
    table.column("Field");
    table.column("Value");
    table.addRow().addContent("SKU", p.sku());
    table.addRow().addContent("Name", p.name());
    table.addRow().addContent("Price", Format.money(p.price()));
    table.addRow().addContent("Style", Format.text(p.style()));
    table
        .addRow()
        .addContent(
            "Attributes",
            p.attributes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
    table
        .addRow()
        .addContent(
            "Kit of",
            p.components().stream()
                .map(c -> c.sku() + " x" + c.quantity())
                .collect(Collectors.joining(", ")));
    table.addRow().addContent("Backorderable", p.backorderable() ? "yes" : "no");
    table.addRow().addContent("Personalization", Format.text(p.personalizationTemplate()));
    table.print(System.out);
    System.out.println();
    StockCommand.print(inventory.stock(sku, null));
    return null;
  }
}
