package io.hanse.oms.soap.ws.catalog;

import io.hanse.oms.api.security.Roles;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** Products over SOAP, for ERPs and product information systems. */
@WebService(name = "CatalogService", targetNamespace = CatalogService.NAMESPACE)
public interface CatalogService {
  String NAMESPACE = "http://hanse-oms.io/soap/catalog/v1";

  @WebMethod
  @WebResult(name = "product")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  Product getProduct(@WebParam(name = "sku") String sku) throws ServiceFault;

  /** Creates the product or replaces its data; a kit's components must exist. */
  @WebMethod
  @WebResult(name = "storedProduct")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  Product upsertProduct(@WebParam(name = "product") Product product) throws ServiceFault;
}
