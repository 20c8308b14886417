package io.hanse.oms.shell;

import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "order-cancel",
    description = "Cancels what is not yet shipped of an order and gives its stock back.")
public class OrderCancelCommand implements Action {
  @Reference private OrderService orders;

  @Argument(index = 0, name = "id", description = "The order id", required = true)
  private String id;

  @Option(name = "--reason", aliases = "-r", description = "Why, kept with the order")
  private String reason = "cancelled from the shell";

  @Override
  public Object execute() {
    Order order = orders.cancel(id, reason, Caller.name());
    System.out.println("Order " + order.id() + " is " + order.status() + ".");
    return null;
  }
}
