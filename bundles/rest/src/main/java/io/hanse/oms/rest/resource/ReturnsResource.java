package io.hanse.oms.rest.resource;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.returns.ReceivedLine;
import io.hanse.oms.api.returns.ReturnLineRequest;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import io.hanse.oms.api.returns.RmaStatus;
import io.hanse.oms.api.security.Roles;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/** Returns (RMAs): request, authorize or reject, receive with restock or write-off, refund. */
@Path("returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnsResource {
  private final ReturnService returns;

  public ReturnsResource(ReturnService returns) {
    this.returns = returns;
  }

  /** {@code {"orderId","lines":[{"sku","quantity","reason"}],"reason"}}. */
  public record ReturnRequest(String orderId, List<ReturnLineRequest> lines, String reason) {}

  /**
   * {@code {"lines":[{"sku","quantity","disposition":"RESTOCK|WRITE_OFF","location"}],
   * "storeCredit"}}.
   */
  public record Receipt(List<ReceivedLine> lines, Boolean storeCredit) {}

  @POST
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Response request(ReturnRequest request, @Context SecurityContext security) {
    Bodies.required(request);
    if (request.orderId() == null || request.orderId().isBlank()) {
      throw new ValidationException("orderId is required");
    }
    Rma rma =
        returns.request(
            request.orderId(), request.lines(), request.reason(), Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(rma).build();
  }

  /** An order's returns ({@code ?order=}), or returns newest first, optionally in a status. */
  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public List<Rma> list(
      @QueryParam("order") String order,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (order != null && !order.isBlank()) {
      return returns.forOrder(order);
    }
    return returns.list(status(status), limit);
  }

  @GET
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Rma get(@PathParam("id") String id) {
    return returns.get(id);
  }

  @POST
  @Path("{id}/authorize")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Rma authorize(@PathParam("id") String id, @Context SecurityContext security) {
    return returns.authorize(id, Callers.user(security));
  }

  @POST
  @Path("{id}/reject")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Rma reject(
      @PathParam("id") String id, Bodies.Reason reason, @Context SecurityContext security) {
    return returns.reject(id, reason == null ? null : reason.reason(), Callers.user(security));
  }

  @POST
  @Path("{id}/receive")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Rma receive(
      @PathParam("id") String id, Receipt receipt, @Context SecurityContext security) {
    Bodies.required(receipt);
    return returns.receive(
        id, receipt.lines(), Boolean.TRUE.equals(receipt.storeCredit()), Callers.user(security));
  }

  private static RmaStatus status(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return RmaStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("unknown return status: " + s);
    }
  }
}
