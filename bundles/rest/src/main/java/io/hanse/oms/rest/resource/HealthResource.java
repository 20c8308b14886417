package io.hanse.oms.rest.resource;

import io.hanse.oms.api.security.Roles;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Readiness for load balancers and scripts: the API answers only once every core service is up. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @GET
  @Roles({})
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
