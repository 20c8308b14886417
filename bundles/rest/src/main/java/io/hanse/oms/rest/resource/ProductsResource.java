package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Page;
import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.Product;
import io.hanse.oms.api.catalog.ProductSpec;
import io.hanse.oms.api.security.Roles;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

/** Products by SKU: plain items, variants of a style, kits, personalized items. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

  private final CatalogService catalog;

  public ProductsResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @PUT
  @Path("{sku}")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Product put(@PathParam("sku") String sku, ProductSpec spec) {
    return catalog.putProduct(sku, Bodies.required(spec));
  }

  @GET
  @Path("{sku}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Product get(@PathParam("sku") String sku) {
    return catalog.getProduct(sku);
  }

  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Page<Product> list(
      @QueryParam("q") String query,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return catalog.listProducts(query, page, size);
  }
}
