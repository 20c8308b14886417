package io.hanse.oms.rest.resource;

import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.StockAdjustment;
import io.hanse.oms.api.inventory.StockMovement;
import io.hanse.oms.api.inventory.StockSummary;
import io.hanse.oms.api.security.Roles;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/** Stock per SKU and location, adjustments, safety stock and the movement log. */
@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

  private final InventoryService inventory;

  public StockResource(InventoryService inventory) {
    this.inventory = inventory;
  }

  @POST
  @Path("adjustments")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Response adjust(StockAdjustment adjustment, @Context SecurityContext security) {
    StockAdjustment body = Bodies.required(adjustment);
    inventory.adjust(body, Callers.user(security));
    return Response.status(Response.Status.CREATED)
        .entity(inventory.stock(body.sku(), null))
        .build();
  }

  @GET
  @Path("{sku}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public StockSummary get(@PathParam("sku") String sku, @QueryParam("department") String dept) {
    return inventory.stock(sku, dept);
  }

  @GET
  @Path("{sku}/movements")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public List<StockMovement> movements(
      @PathParam("sku") String sku, @QueryParam("limit") @DefaultValue("100") int limit) {
    return inventory.movements(sku, limit);
  }

  @PUT
  @Path("{sku}/locations/{location}/safety-stock")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public StockSummary safetyStock(
      @PathParam("sku") String sku,
      @PathParam("location") String location,
      Bodies.Quantity quantity,
      @Context SecurityContext security) {
    inventory.setSafetyStock(
        sku, location, Bodies.required(quantity).quantity(), Callers.user(security));
    return inventory.stock(sku, null);
  }
}
