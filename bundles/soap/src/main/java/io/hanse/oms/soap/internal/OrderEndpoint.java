package io.hanse.oms.soap.internal;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderQuery;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.api.payment.PaymentInstruction;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import io.hanse.oms.soap.ws.orders.Address;
import io.hanse.oms.soap.ws.orders.Field;
import io.hanse.oms.soap.ws.orders.NewLine;
import io.hanse.oms.soap.ws.orders.NewOrder;
import io.hanse.oms.soap.ws.orders.NewPayment;
import io.hanse.oms.soap.ws.orders.Order;
import io.hanse.oms.soap.ws.orders.OrderService;
import io.hanse.oms.soap.ws.orders.Quantity;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jws.WebService;

/** The SOAP face of the core's order service: mapping only, no rules of its own. */
@WebService(
    serviceName = "OrderService",
    portName = "OrderPort",
    targetNamespace = OrderService.NAMESPACE,
    endpointInterface = "io.hanse.oms.soap.ws.orders.OrderService")
public class OrderEndpoint extends Caller implements OrderService {
  private final io.hanse.oms.api.order.OrderService orders;

  public OrderEndpoint(io.hanse.oms.api.order.OrderService orders) {
    this.orders = orders;
  }

  @Override
  public Order placeOrder(NewOrder order, String idempotencyKey) throws ServiceFault {
    if (order == null) {
      throw Faults.invalid("order is required");
    }
    // inside the call: an unknown payment method is refused like any other bad field
    return Faults.call(
        () -> toSoap(orders.place(submission(order), idempotencyKey, user()).order()));
  }

  @Override
  public Order getOrder(String orderId) throws ServiceFault {
    return Faults.call(() -> toSoap(orders.get(orderId)));
  }

  @Override
  public List<Order> findOrders(String channel, String status, String customer, int limit)
      throws ServiceFault {
    if (limit < 1 || limit > Page.MAX_SIZE) {
      throw Faults.invalid("limit must be between 1 and " + Page.MAX_SIZE);
    }
    OrderStatus wanted = status(status);
    return Faults.call(
        () ->
            orders
                .search(new OrderQuery(blank(channel), wanted, blank(customer), 0, limit))
                .items()
                .stream()
                .map(OrderEndpoint::toSoap)
                .toList());
  }

  @Override
  public Order cancelOrder(String orderId, String reason) throws ServiceFault {
    return Faults.call(() -> toSoap(orders.cancel(orderId, reason, user())));
  }

  @Override
  public Order shipOrder(
      String orderId, String carrier, String trackingNumber, List<Quantity> lines)
      throws ServiceFault {
    List<SkuQuantity> parcel =
        lines == null
            ? List.of()
            : lines.stream().map(q -> new SkuQuantity(q.sku, q.quantity)).toList();
    return Faults.call(
        () ->
            toSoap(
                orders.ship(
                    orderId, new ShipmentRequest(parcel, carrier, trackingNumber), user())));
  }

  private static OrderSubmission submission(NewOrder o) {
    return new OrderSubmission(
        o.channel,
        o.externalId,
        o.sourceCode,
        null,
        o.customer == null
            ? null
            : new CustomerRef(o.customer.email, o.customer.name, o.customer.phone),
        toApi(o.shippingAddress),
        o.lines == null ? List.of() : o.lines.stream().map(OrderEndpoint::line).toList(),
        o.payments == null ? List.of() : o.payments.stream().map(OrderEndpoint::payment).toList());
  }

  /** A null entry stays null, for the core's validation to name. */
  private static PaymentInstruction payment(NewPayment p) {
    return p == null
        ? null
        : PaymentMapping.instruction(p.method, p.token, p.code, p.amount, p.reference);
  }

  private static OrderLineRequest line(NewLine l) {
    Map<String, String> values = new LinkedHashMap<>();
    if (l.personalization != null) {
      for (Field f : l.personalization) {
        values.put(f.name, f.value);
      }
    }
    return new OrderLineRequest(l.sku, l.quantity, values);
  }

  private static io.hanse.oms.api.customer.Address toApi(Address a) {
    return a == null
        ? null
        : new io.hanse.oms.api.customer.Address(
            a.line1, a.line2, a.city, a.region, a.postalCode, a.country);
  }

  private static Address toSoap(io.hanse.oms.api.customer.Address a) {
    if (a == null) {
      return null;
    }
    Address s = new Address();
    s.line1 = a.line1();
    s.line2 = a.line2();
    s.city = a.city();
    s.region = a.region();
    s.postalCode = a.postalCode();
    s.country = a.country();
    return s;
  }

  @SuppressWarnings("JavaUtilDate") // JAXB maps java.util.Date to xs:dateTime
  static Order toSoap(io.hanse.oms.api.order.Order o) {
    Order s = new Order();
    s.id = o.id();
    s.channel = o.channel();
    s.externalId = o.externalId();
    s.sourceCode = o.sourceCode();
    s.department = o.department();
    s.status = o.status().name();
    s.holdReason = o.holdReason();
    s.customerId = o.customerId();
    s.customerEmail = o.customerEmail();
    s.customerName = o.customerName();
    s.shippingAddress = toSoap(o.shippingAddress());
    Money total = o.total();
    s.total = total.amount();
    s.currency = total.currency();
    for (io.hanse.oms.api.order.OrderLine l : o.lines()) {
      Order.Line line = new Order.Line();
      line.lineNo = l.lineNo();
      line.sku = l.sku();
      line.name = l.name();
      line.quantity = l.quantity();
      line.unitPrice = l.unitPrice().amount();
      line.lineTotal = l.lineTotal().amount();
      line.reserved = l.reserved();
      line.backordered = l.backordered();
      line.shipped = l.shipped();
      line.cancelled = l.cancelled();
      s.lines.add(line);
    }
    for (io.hanse.oms.api.order.Shipment sh : o.shipments()) {
      Order.Shipment shipment = new Order.Shipment();
      shipment.id = sh.id();
      shipment.carrier = sh.carrier();
      shipment.trackingNumber = sh.trackingNumber();
      shipment.shippedAt = sh.shippedAt() == null ? null : Date.from(sh.shippedAt());
      sh.lines().forEach(q -> shipment.lines.add(new Quantity(q.sku(), q.quantity())));
      s.shipments.add(shipment);
    }
    s.placedBy = o.placedBy();
    s.createdAt = o.createdAt() == null ? null : Date.from(o.createdAt());
    s.updatedAt = o.updatedAt() == null ? null : Date.from(o.updatedAt());
    if (o.payments() != null) {
      o.payments().forEach(p -> s.payments.add(PaymentMapping.orderPayment(p)));
    }
    return s;
  }

  private static OrderStatus status(String status) throws ServiceFault {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Faults.invalid("unknown status: " + status);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
