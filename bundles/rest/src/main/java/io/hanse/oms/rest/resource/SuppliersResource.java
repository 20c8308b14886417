package io.hanse.oms.rest.resource;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.inventory.PurchasingService;
import io.hanse.oms.api.inventory.Supplier;
import io.hanse.oms.api.inventory.SupplierSpec;
import io.hanse.oms.api.security.Roles;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Suppliers and the SKUs they sell, with their own SKU and cost. */
@Path("suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Roles({Roles.ADMIN, Roles.MANAGER})
public class SuppliersResource {

  private final PurchasingService purchasing;

  public SuppliersResource(PurchasingService purchasing) {
    this.purchasing = purchasing;
  }

  @PUT
  @Path("{code}")
  public Supplier put(@PathParam("code") String code, SupplierSpec spec) {
    return purchasing.putSupplier(code, Bodies.required(spec));
  }

  @GET
  @Path("{code}")
  public Supplier get(@PathParam("code") String code) {
    return purchasing.findSupplier(code).orElseThrow(() -> new NotFoundException("supplier", code));
  }
}
