package io.hanse.oms.rest.resource;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.inventory.PurchaseOrder;
import io.hanse.oms.api.inventory.PurchaseOrderSpec;
import io.hanse.oms.api.inventory.PurchaseOrderStatus;
import io.hanse.oms.api.inventory.PurchasingService;
import io.hanse.oms.api.security.Roles;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** Purchase orders to suppliers, received in part or whole into stock. */
@Path("purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Roles({Roles.ADMIN, Roles.MANAGER})
public class PurchaseOrdersResource {

  private final PurchasingService purchasing;

  public PurchaseOrdersResource(PurchasingService purchasing) {
    this.purchasing = purchasing;
  }

  @POST
  public Response create(
      PurchaseOrderSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
    PurchaseOrder po =
        purchasing.createPurchaseOrder(Bodies.required(spec), Callers.user(security));
    URI location = uri.getAbsolutePathBuilder().path(po.id()).build();
    return Response.created(location).entity(po).build();
  }

  @GET
  @Path("{id}")
  public PurchaseOrder get(@PathParam("id") String id) {
    return purchasing
        .findPurchaseOrder(id)
        .orElseThrow(() -> new NotFoundException("purchase order", id));
  }

  @GET
  public List<PurchaseOrder> list(
      @QueryParam("supplier") String supplier, @QueryParam("status") String status) {
    PurchaseOrderStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = PurchaseOrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ValidationException("unknown status: " + status);
      }
    }
    return purchasing.listPurchaseOrders(supplier, s);
  }

  @POST
  @Path("{id}/receipts")
  public Response receive(
      @PathParam("id") String id, Bodies.Receipt receipt, @Context SecurityContext security) {
    PurchaseOrder po =
        purchasing.receive(id, Bodies.required(receipt).lines(), Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(po).build();
  }

  @POST
  @Path("{id}/cancel")
  public PurchaseOrder cancel(@PathParam("id") String id, @Context SecurityContext security) {
    return purchasing.cancelPurchaseOrder(id, Callers.user(security));
  }
}
