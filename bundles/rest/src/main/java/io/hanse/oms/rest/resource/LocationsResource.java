package io.hanse.oms.rest.resource;

import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.inventory.LocationSpec;
import io.hanse.oms.api.security.Roles;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Warehouses and stores, and the departments they serve. */
@Path("locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocationsResource {

  private final InventoryService inventory;

  public LocationsResource(InventoryService inventory) {
    this.inventory = inventory;
  }

  @PUT
  @Path("{code}")
  @Roles({Roles.ADMIN})
  public Location put(@PathParam("code") String code, LocationSpec spec) {
    return inventory.putLocation(code, Bodies.required(spec));
  }

  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public List<Location> list() {
    return inventory.listLocations();
  }
}
