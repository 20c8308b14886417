package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderQuery;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.api.security.Roles;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

/** Orders from every channel: place, look up, list, cancel, ship, hold, release, close. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {
  /** Set on the answer to a retried request: this is the order the first request made. */
  static final String REPLAYED = "Idempotent-Replayed";

  private final OrderService orders;

  public OrdersResource(OrderService orders) {
    this.orders = orders;
  }

  @POST
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Response place(
      OrderSubmission submission,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    if (idempotencyKey != null && idempotencyKey.isBlank()) {
      throw new ValidationException("Idempotency-Key must not be blank");
    }
    PlacementResult result =
        orders.place(Bodies.required(submission), idempotencyKey, Callers.user(security));
    URI location = uri.getAbsolutePathBuilder().path(result.order().id()).build();
    return Response.created(location)
        .header(REPLAYED, String.valueOf(result.replayed()))
        .entity(result.order())
        .build();
  }

  @GET
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Order get(@PathParam("id") String id) {
    return orders.get(id);
  }

  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT}) // a connector knows its own orders' ids
  public Page<Order> list(
      @QueryParam("channel") String channel,
      @QueryParam("status") String status,
      @QueryParam("customer") String customer,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return orders.search(
        new OrderQuery(
            blank(channel),
            status(status),
            blank(customer),
            instant(from, "from", false),
            instant(to, "to", true),
            page,
            size));
  }

  @POST
  @Path("{id}/cancel")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Order cancel(
      @PathParam("id") String id, Bodies.Reason reason, @Context SecurityContext security) {
    return orders.cancel(id, reason == null ? null : reason.reason(), Callers.user(security));
  }

  @POST
  @Path("{id}/shipments")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Response ship(
      @PathParam("id") String id, ShipmentRequest shipment, @Context SecurityContext security) {
    Order order = orders.ship(id, Bodies.required(shipment), Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(order).build();
  }

  @POST
  @Path("{id}/hold")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Order hold(
      @PathParam("id") String id, Bodies.Reason reason, @Context SecurityContext security) {
    return orders.hold(id, Bodies.required(reason).reason(), Callers.user(security));
  }

  @POST
  @Path("{id}/release")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Order release(@PathParam("id") String id, @Context SecurityContext security) {
    return orders.release(id, Callers.user(security));
  }

  @POST
  @Path("{id}/close")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Order close(@PathParam("id") String id, @Context SecurityContext security) {
    return orders.close(id, Callers.user(security));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * An instant ({@code 2026-11-27T10:00:00Z}) or a day ({@code 2026-11-27}, UTC); a day given as
   * {@code to} includes the whole day.
   */
  private static Instant instant(String value, String name, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          name + " must be a day (2026-11-27) or an instant (2026-11-27T10:00:00Z): " + value);
    }
  }

  private static OrderStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("unknown status: " + status);
    }
  }
}
