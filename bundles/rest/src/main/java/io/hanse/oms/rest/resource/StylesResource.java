package io.hanse.oms.rest.resource;

import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.Style;
import io.hanse.oms.api.security.Roles;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Styles and their variant SKUs. */
@Path("styles")
@Produces(MediaType.APPLICATION_JSON)
public class StylesResource {

  private final CatalogService catalog;

  public StylesResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  @Path("{code}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Style get(@PathParam("code") String code) {
    return catalog.getStyle(code);
  }
}
