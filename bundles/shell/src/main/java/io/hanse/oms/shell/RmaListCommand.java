package io.hanse.oms.shell;

import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import io.hanse.oms.api.returns.RmaLine;
import io.hanse.oms.api.returns.RmaStatus;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "oms", name = "rma-list", description = "Lists returns, newest first.")
public class RmaListCommand implements Action {
  @Reference private ReturnService returns;

  @Option(name = "--order", aliases = "-o", description = "Only this order's returns")
  private String order;

  @Option(
      name = "--status",
      aliases = "-s",
      description = "REQUESTED, AUTHORIZED, RECEIVED or REJECTED")
  private String status;

  @Override
  public Object execute() {
    List<Rma> shown =
        order != null
            ? returns.forOrder(order)
            : returns.list(
                status == null ? null : RmaStatus.valueOf(status.toUpperCase(Locale.ROOT)), 100);
    ShellTable table = new ShellTable();
    table.column("Return");
    table.column("Order");
    table.column("Status");
    table.column("Lines (asked/received/restocked)");
    table.column("Refunded").alignRight();
    for (Rma r : shown) {
      table
          .addRow()
          .addContent(
              r.id(),
              r.orderId(),
              r.status(),
              r.lines().stream().map(RmaListCommand::line).collect(Collectors.joining(" ")),
              r.refunded() == null ? "" : r.refunded());
    }
    table.print(System.out);
    return null;
  }

  private static String line(RmaLine l) {
    return l.sku() + " " + l.quantity() + "/" + l.received() + "/" + l.restocked();
  }
}
