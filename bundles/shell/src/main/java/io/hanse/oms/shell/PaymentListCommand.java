package io.hanse.oms.shell;

import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.PaymentStatus;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "payment-list",
    description =
        "Lists the payments of an order, or the latest payments (cards show only their last four digits).")
public class PaymentListCommand implements Action {
  @Reference private PaymentService payments;

  @Argument(index = 0, name = "order", description = "An order id; without it, the latest payments")
  private String order;

  @Option(
      name = "--status",
      aliases = "-s",
      description = "Only payments in this status, e.g. DECLINED")
  private String status;

  @Option(name = "--max", aliases = "-n", description = "How many at most")
  private int max = 50;

  @Override
  public Object execute() {
    List<Payment> shown =
        order != null
            ? payments.forOrder(order)
            : payments
                .list(
                    status == null ? null : PaymentStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                    0,
                    max)
                .items();
    ShellTable table = new ShellTable();
    table.column("Payment");
    table.column("Order");
    table.column("Tender");
    table.column("Amount").alignRight();
    table.column("Captured").alignRight();
    table.column("Refunded").alignRight();
    table.column("Status");
    table.column("Gateway reference");
    table.column("Declined");
    for (Payment p : shown) {
      table
          .addRow()
          .addContent(
              p.id(),
              p.orderId(),
              p.display(),
              p.amount(),
              p.captured().amount(),
              p.refunded().amount(),
              p.status(),
              p.reference() == null ? "" : p.reference(),
              p.declineReason() == null ? "" : p.declineReason());
    }
    table.print(System.out);
    return null;
  }
}
