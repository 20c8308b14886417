package io.hanse.oms.shell;

import io.hanse.oms.api.Page;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderQuery;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import java.util.Arrays;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "oms", name = "order-list", description = "Lists orders, newest first.")
public class OrderListCommand implements Action {
  @Reference private OrderService orders;

  @Option(name = "--channel", aliases = "-c", description = "Only this channel (web, shopify, …)")
  private String channel;

  @Option(name = "--status", aliases = "-s", description = "Only orders in this status")
  @Completion(OrderStatusCompleter.class)
  private String status;

  @Option(name = "--customer", description = "Only this customer: an id or an e-mail address")
  private String customer;

  @Option(name = "--from", description = "Placed on or after this day (yyyy-mm-dd)")
  private String from;

  @Option(name = "--to", description = "Placed on or before this day (yyyy-mm-dd)")
  private String to;

  @Option(name = "--limit", aliases = "-n", description = "At most this many orders (50)")
  private int limit = 50;

  @Override
  public Object execute() {
    if (limit < 1 || limit > Page.MAX_SIZE) {
      throw new IllegalArgumentException("--limit must be between 1 and " + Page.MAX_SIZE);
    }
    Page<Order> page =
        orders.search(
            new OrderQuery(
                channel,
                status(status),
                customer,
                Days.startOf(from, "--from"),
                Days.endOf(to, "--to"),
                0,
                limit));
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Placed");
    table.column("Channel");
    table.column("Status");
    table.column("Customer");
    table.column("Lines").alignRight();
    table.column("Total").alignRight();
    for (Order o : page.items()) {
      table
          .addRow()
          .addContent(
              o.id(),
              Format.time(o.createdAt()),
              o.channel(),
              o.status(),
              o.customerEmail(),
              o.lines().size(),
              Format.money(o.total()));
    }
    table.print(System.out);
    if (page.hasMore()) {
      System.out.println("More orders match; raise --limit or narrow the filters.");
    }
    return null;
  }

  static OrderStatus status(String status) {
    if (status == null) {
      return null;
    }
    try {
      return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown status '" + status + "'; one of " + Arrays.toString(OrderStatus.values()));
    }
  }
}
