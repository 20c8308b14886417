package io.hanse.oms.shell;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderLine;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.ShipmentRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "order-ship",
    description =
        "Ships an order: the given SKU=QUANTITY, or everything reserved and not yet shipped.")
public class OrderShipCommand implements Action {
  @Reference private OrderService orders;

  @Argument(index = 0, name = "id", description = "The order id", required = true)
  private String id;

  @Argument(
      index = 1,
      name = "lines",
      description = "What leaves, as SKU=QUANTITY; leave out to ship all that is reserved",
      multiValued = true)
  private List<String> lines;

  @Option(name = "--carrier", description = "Carrier, e.g. DHL", required = true)
  private String carrier;

  @Option(name = "--tracking", description = "Tracking number", required = true)
  private String tracking;

  @Override
  public Object execute() {
    List<SkuQuantity> parcel = Quantities.parse(lines);
    if (parcel.isEmpty()) {
      parcel = reservedOf(orders.get(id));
      if (parcel.isEmpty()) {
        throw new IllegalArgumentException("order " + id + " has nothing reserved to ship");
      }
    }
    Order order = orders.ship(id, new ShipmentRequest(parcel, carrier, tracking), Caller.name());
    System.out.println("Order " + order.id() + " is " + order.status() + ".");
    return null;
  }

  /** Everything reserved and not yet shipped, per SKU. */
  static List<SkuQuantity> reservedOf(Order order) {
    Map<String, Integer> bySku = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      if (line.reserved() > 0) {
        bySku.merge(line.sku(), line.reserved(), Integer::sum);
      }
    }
    return bySku.entrySet().stream().map(e -> new SkuQuantity(e.getKey(), e.getValue())).toList();
  }
}
