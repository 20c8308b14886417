package io.hanse.oms.rest.internal;

import io.hanse.oms.api.security.Roles;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** The OpenAPI 3 document of the API, read from the resources' JAX-RS annotations at start. */
@Path("openapi.json")
public class OpenApiResource {
  private final List<Class<?>> resourceClasses;
  private volatile String document;

  OpenApiResource(List<Class<?>> resourceClasses) {
    this.resourceClasses = List.copyOf(resourceClasses);
  }

  /** Reads the resources' annotations; done on first request, not while the server starts. */
  private static String describe(List<Class<?>> resourceClasses) {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("Hanse OMS API")
                    .version("v1")
                    .description(
                        "Orders, stock, catalog and customers for every channel. HTTP basic"
                            + " authentication against the server's JAAS realm; money amounts are"
                            + " decimal strings with a currency; errors are RFC 7807 problem"
                            + " JSON.")
                    .license(new License().name("Apache-2.0")))
            .addServersItem(new Server().url("/api/v1"))
            .components(
                new Components()
                    .addSecuritySchemes(
                        "basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(OpenApiResource.class.getClassLoader());
    try {
      Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true));
      OpenAPI api = reader.read(new HashSet<>(resourceClasses));
      describeRoles(api, resourceClasses);
      return Json.pretty(api);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /**
   * Writes each operation's roles into the document as {@code x-roles}, and marks public ones as
   * needing no login, so that clients (and the security test) see the same model the filter
   * enforces.
   */
  private static void describeRoles(OpenAPI api, List<Class<?>> resourceClasses) {
    for (Class<?> type : resourceClasses) {
      String base = path(type.getAnnotation(Path.class));
      for (Method method : type.getMethods()) {
        PathItem.HttpMethod verb = verb(method);
        PathItem item =
            verb == null || api.getPaths() == null
                ? null
                : api.getPaths().get(normalize(base + path(method.getAnnotation(Path.class))));
        Operation operation = item == null ? null : item.readOperationsMap().get(verb);
        if (operation == null) {
          continue;
        }
        String[] roles = RoleLookup.allowed(method);
        operation.addExtension("x-roles", List.of(roles));
        if (roles.length == 0) {
          operation.setSecurity(List.of());
        }
      }
    }
  }

  private static PathItem.HttpMethod verb(Method method) {
    for (java.lang.annotation.Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return PathItem.HttpMethod.valueOf(http.value());
      }
    }
    return null;
  }

  private static String path(Path path) {
    return path == null ? "" : "/" + path.value();
  }

  /** The document's form of a path: one leading slash, none doubled or trailing. */
  private static String normalize(String path) {
    String p = path.replaceAll("/+", "/");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "/" : p;
  }

  @GET
  @Roles({})
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    String d = document;
    if (d == null) {
      synchronized (this) {
        if (document == null) {
          document = describe(resourceClasses);
        }
        d = document;
      }
    }
    return d;
  }
}
