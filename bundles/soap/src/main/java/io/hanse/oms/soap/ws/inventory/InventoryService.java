package io.hanse.oms.soap.ws.inventory;

import io.hanse.oms.api.security.Roles;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Stock over SOAP, for warehouse systems and ERPs. */
@WebService(name = "InventoryService", targetNamespace = InventoryService.NAMESPACE)
public interface InventoryService {
  String NAMESPACE = "http://hanse-oms.io/soap/inventory/v1";

  /** Stock of a SKU per location; only locations serving {@code department} when given. */
  @WebMethod
  @WebResult(name = "stock")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  Stock getStock(
      @WebParam(name = "sku") String sku, @WebParam(name = "department") String department)
      throws ServiceFault;

  /** A counted change of stock on hand at a location: positive found, negative lost. */
  @WebMethod
  @WebResult(name = "locationStock")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  LocationStock adjustStock(
      @WebParam(name = "sku") String sku,
      @WebParam(name = "location") String location,
      @WebParam(name = "quantity") int quantity,
      @WebParam(name = "reason") String reason)
      throws ServiceFault;
}
