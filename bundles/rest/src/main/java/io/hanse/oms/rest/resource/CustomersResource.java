package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.customer.Customer;
import io.hanse.oms.api.customer.CustomerNote;
import io.hanse.oms.api.customer.CustomerService;
import io.hanse.oms.api.customer.CustomerSpec;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderQuery;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.security.Roles;
import java.net.URI;
import java.time.Instant;
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
import javax.ws.rs.core.UriInfo;

/** Customers as a service agent sees them, with their orders. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
public class CustomersResource {
  static final int RECENT_ORDERS = 50;

  /** An order as listed on a customer. */
  public record OrderSummary(
      String id,
      String channel,
      String externalId,
      OrderStatus status,
      Money total,
      Instant createdAt) {
    static OrderSummary of(Order o) {
      return new OrderSummary(
          o.id(), o.channel(), o.externalId(), o.status(), o.total(), o.createdAt());
    }
  }

  /** A customer with notes and most recent orders. */
  public record CustomerDetail(
      String id,
      String email,
      String name,
      String phone,
      List<Address> addresses,
      List<CustomerNote> notes,
      Instant createdAt,
      List<OrderSummary> orders,
      boolean moreOrders) {}

  private final CustomerService customers;
  private final OrderService orders;

  public CustomersResource(CustomerService customers, OrderService orders) {
    this.customers = customers;
    this.orders = orders;
  }

  @GET
  public List<Customer> search(
      @QueryParam("q") String query, @QueryParam("limit") @DefaultValue("50") int limit) {
    return customers.search(query, limit);
  }

  @GET
  @Path("{id}")
  public CustomerDetail get(@PathParam("id") String id) {
    Customer c = customers.find(id).orElseThrow(() -> new NotFoundException("customer", id));
    var page = orders.search(new OrderQuery(null, null, c.id(), 0, RECENT_ORDERS));
    return new CustomerDetail(
        c.id(),
        c.email(),
        c.name(),
        c.phone(),
        c.addresses(),
        c.notes(),
        c.createdAt(),
        page.items().stream().map(OrderSummary::of).toList(),
        page.hasMore());
  }

  @POST
  public Response create(CustomerSpec spec, @Context UriInfo uri) {
    Customer created = customers.create(Bodies.required(spec));
    URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
    return Response.created(location).entity(created).build();
  }

  @PUT
  @Path("{id}")
  public Customer update(@PathParam("id") String id, CustomerSpec spec) {
    return customers.update(id, Bodies.required(spec));
  }

  @POST
  @Path("{id}/notes")
  public Response addNote(
      @PathParam("id") String id, Bodies.Note note, @Context SecurityContext security) {
    Customer c = customers.addNote(id, Bodies.required(note).text(), Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(c).build();
  }
}
