package io.hanse.oms.shell;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.returns.Disposition;
import io.hanse.oms.api.returns.ReceivedLine;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "rma-receive",
    description =
        "Records what arrived of a return: SKU=QTY restocked at --location, --write-off SKU=QTY"
            + " written off; then refunds its value to the original tenders (or --store-credit).")
public class RmaReceiveCommand implements Action {
  @Reference private ReturnService returns;

  @Argument(index = 0, name = "rma", description = "The return id", required = true)
  private String rma;

  @Argument(
      index = 1,
      name = "restock",
      description = "SKU=QUANTITY back on the shelf",
      multiValued = true)
  private List<String> restock;

  @Option(name = "--location", aliases = "-l", description = "Where restocked items go")
  private String location;

  @Option(
      name = "--write-off",
      description = "SKU=QUANTITY damaged, not restocked",
      multiValued = true)
  private List<String> writeOff;

  @Option(name = "--store-credit", description = "Refund as store credit on a new gift card")
  private boolean storeCredit;

  @Override
  public Object execute() {
    List<ReceivedLine> lines = new ArrayList<>();
    for (SkuQuantity l : Quantities.parse(restock)) {
      lines.add(new ReceivedLine(l.sku(), l.quantity(), Disposition.RESTOCK, location));
    }
    for (SkuQuantity l : Quantities.parse(writeOff)) {
      lines.add(new ReceivedLine(l.sku(), l.quantity(), Disposition.WRITE_OFF, null));
    }
    Rma r = returns.receive(rma, lines, storeCredit, Caller.name());
    System.out.println(
        "Return "
            + r.id()
            + " is "
            + r.status()
            + (r.refunded() == null
                ? "; nothing refunded here."
                : "; refunded " + r.refunded() + "."));
    return null;
  }
}
