package io.hanse.oms.rest.resource;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import io.hanse.oms.api.security.Roles;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Personalization templates that products refer to. */
@Path("personalization-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  private final CatalogService catalog;

  public TemplatesResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @PUT
  @Path("{code}")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public PersonalizationTemplate put(
      @PathParam("code") String code, PersonalizationTemplate template) {
    PersonalizationTemplate body = Bodies.required(template);
    if (body.code() != null && !body.code().equals(code)) {
      throw new ValidationException("code in the body differs from the path");
    }
    return catalog.putTemplate(new PersonalizationTemplate(code, body.name(), body.fields()));
  }

  @GET
  @Path("{code}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public PersonalizationTemplate get(@PathParam("code") String code) {
    return catalog
        .findTemplate(code)
        .orElseThrow(() -> new NotFoundException("personalization template", code));
  }
}
