package io.hanse.oms.shell;

import io.hanse.oms.api.returns.ReturnLineRequest;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
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
    name = "rma-request",
    description =
        "Opens a return (RMA) for shipped lines of an order: oms:rma-request ORDER SKU=QTY ...")
public class RmaRequestCommand implements Action {
  @Reference private ReturnService returns;

  @Argument(index = 0, name = "order", description = "The order id", required = true)
  private String order;

  @Argument(
      index = 1,
      name = "lines",
      description = "SKU=QUANTITY ...",
      required = true,
      multiValued = true)
  private List<String> lines;

  @Option(name = "--reason", aliases = "-r", description = "Why the customer returns it")
  private String reason;

  @Override
  public Object execute() {
    Rma rma =
        returns.request(
            order,
            Quantities.parse(lines).stream()
                .map(l -> new ReturnLineRequest(l.sku(), l.quantity(), reason))
                .toList(),
            reason,
            Caller.name());
    System.out.println("Return " + rma.id() + " for order " + order + " is " + rma.status() + ".");
    return null;
  }
}
