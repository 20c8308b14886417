package io.hanse.oms.shell;

import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderLine;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.Shipment;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "order-show",
    description = "Shows an order: customer, lines with what is reserved and shipped, shipments.")
public class OrderShowCommand implements Action {
  @Reference private OrderService orders;

  @Argument(index = 0, name = "id", description = "The order id", required = true)
  private String id;

  @Override
  public Object execute() {
    print(orders.get(id));
    return null;
  }

  static void print(Order o) {
    ShellTable header = new ShellTable().noHeaders();
    header.column("Field");
    header.column("Value");
    header.addRow().addContent("Order", o.id());
    header
        .addRow()
        .addContent(
            "Status", o.status() + (o.holdReason() == null ? "" : " (" + o.holdReason() + ")"));
    header.addRow().addContent("Channel", o.channel() + " / " + o.department());
    header.addRow().addContent("External id", Format.text(o.externalId()));
    header.addRow().addContent("Source code", Format.text(o.sourceCode()));
    header.addRow().addContent("Customer", o.customerName() + " <" + o.customerEmail() + ">");
    header.addRow().addContent("Ship to", address(o.shippingAddress()));
    header.addRow().addContent("Total", Format.money(o.total()));
    header.addRow().addContent("Placed", Format.time(o.createdAt()) + " by " + o.placedBy());
    header.addRow().addContent("Updated", Format.time(o.updatedAt()));
    header.print(System.out);

    System.out.println();
    ShellTable lines = new ShellTable();
    lines.column("#").alignRight();
    lines.column("SKU");
    lines.column("Name");
    lines.column("Qty").alignRight();
    lines.column("Reserved").alignRight();
    lines.column("Backordered").alignRight();
    lines.column("Shipped").alignRight();
    lines.column("Cancelled").alignRight();
    lines.column("Total").alignRight();
    for (OrderLine l : o.lines()) {
      lines
          .addRow()
          .addContent(
              l.lineNo(),
              l.sku(),
              l.name(),
              l.quantity(),
              l.reserved(),
              l.backordered(),
              l.shipped(),
              l.cancelled(),
              Format.money(l.lineTotal()));
    }
    lines.print(System.out);

    if (!o.shipments().isEmpty()) {
      System.out.println();
      ShellTable shipments = new ShellTable();
      shipments.column("Shipment");
      shipments.column("Shipped");
      shipments.column("Carrier");
      shipments.column("Tracking");
      shipments.column("Contents");
      for (Shipment s : o.shipments()) {
        shipments
            .addRow()
            .addContent(
                s.id(),
                Format.time(s.shippedAt()),
                s.carrier(),
                s.trackingNumber(),
                s.lines().stream()
                    .map(q -> q.sku() + " x" + q.quantity())
                    .collect(Collectors.joining(", ")));
      }
      shipments.print(System.out);
    }

    if (!o.payments().isEmpty()) {
      System.out.println();
      ShellTable payments = new ShellTable();
      payments.column("Payment");
      payments.column("Tender");
      payments.column("Amount").alignRight();
      payments.column("Captured").alignRight();
      payments.column("Refunded").alignRight();
      payments.column("Status");
      for (io.hanse.oms.api.payment.Payment p : o.payments()) {
        payments
            .addRow()
            .addContent(
                p.id(),
                p.display(),
                Format.money(p.amount()),
                Format.money(p.captured()),
                Format.money(p.refunded()),
                p.status() + (p.declineReason() == null ? "" : " (" + p.declineReason() + ")"));
      }
      payments.print(System.out);
    }
  }

  private static String address(Address a) {
    if (a == null) {
      return "";
    }
    String town = (Format.text(a.postalCode()) + " " + Format.text(a.city())).trim();
    return Stream.of(a.line1(), a.line2(), town, a.region(), a.country())
        .filter(part -> part != null && !part.isBlank())
        .collect(Collectors.joining(", "));
  }
}
