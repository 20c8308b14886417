package io.hanse.oms.soap.ws.orders;

import io.hanse.oms.api.security.Roles;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Orders over SOAP, for ERPs and call-center software: the same rules as REST. */
@WebService(name = "OrderService", targetNamespace = OrderService.NAMESPACE)
public interface OrderService {
  String NAMESPACE = "http://hanse-oms.io/soap/orders/v1";

  /**
   * Places an order. A repeated {@code idempotencyKey} (or channel and external id) returns the
   * order taken the first time.
   */
  @WebMethod
  @WebResult(name = "order")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  Order placeOrder(
      @WebParam(name = "newOrder") NewOrder order,
      @WebParam(name = "idempotencyKey") String idempotencyKey)
      throws ServiceFault;

  @WebMethod
  @WebResult(name = "order")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  Order getOrder(@WebParam(name = "orderId") String orderId) throws ServiceFault;

  /** Orders newest first; empty filters match all; at most {@code limit} (1–200). */
  @WebMethod
  @WebResult(name = "order")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  List<Order> findOrders(
      @WebParam(name = "channel") String channel,
      @WebParam(name = "status") String status,
      @WebParam(name = "customer") String customer,
      @WebParam(name = "limit") int limit)
      throws ServiceFault;

  @WebMethod
  @WebResult(name = "order")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  Order cancelOrder(
      @WebParam(name = "orderId") String orderId, @WebParam(name = "reason") String reason)
      throws ServiceFault;

  /** Ships the given units of an order with a carrier and tracking number. */
  @WebMethod
  @WebResult(name = "order")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Order shipOrder(
      @WebParam(name = "orderId") String orderId,
      @WebParam(name = "carrier") String carrier,
      @WebParam(name = "trackingNumber") String trackingNumber,
      @WebParam(name = "line") List<Quantity> lines)
      throws ServiceFault;
}
