package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.payment.GatewayEventResult;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentInstruction;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.Refund;
import io.hanse.oms.api.security.Roles;
import java.math.BigDecimal;
import java.util.List;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

/** Payments of orders: list them, add a tender after a decline, refund, clear a check. */
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentsResource {
  private final PaymentService payments;

  public PaymentsResource(PaymentService payments) {
    this.payments = payments;
  }

  /**
   * {@code {"orderId","amount","currency","reason","storeCredit"}}; currency defaults to the
   * order's.
   */
  public record RefundRequest(
      String orderId, BigDecimal amount, String currency, String reason, Boolean storeCredit) {}

  /**
   * {@code {"orderId","method","token"|"code","amount","reference"}}: another tender for an order.
   */
  public record NewPayment(
      String orderId,
      io.hanse.oms.api.payment.Tender method,
      String token,
      String code,
      BigDecimal amount,
      String reference) {
    @Override
    public String toString() {
      return "NewPayment[" + orderId + "]";
    }
  }

  @POST
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Response add(NewPayment payment, @Context SecurityContext security) {
    Bodies.required(payment);
    if (payment.orderId() == null || payment.orderId().isBlank()) {
      throw new ValidationException("orderId is required");
    }
    Payment added =
        payments.addPayment(
            payment.orderId(),
            new PaymentInstruction(
                payment.method(),
                payment.token(),
                payment.code(),
                payment.amount(),
                payment.reference()),
            Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(added).build();
  }

  @POST
  @Path("refunds")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Response refund(
      RefundRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security) {
    Bodies.required(request);
    String orderId = request.orderId();
    if (orderId == null || orderId.isBlank()) {
      throw new ValidationException("orderId is required");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new ValidationException(
          "Idempotency-Key header is required: a retried refund must not pay twice");
    }
    if (request.amount() == null) {
      throw new ValidationException("amount is required");
    }
    String currency =
        request.currency() != null
            ? request.currency()
            : payments.forOrder(orderId).stream()
                .findFirst()
                .map(p -> p.amount().currency())
                .orElseThrow(
                    () -> new ValidationException("order " + orderId + " has no payments"));
    Refund refund =
        payments.refund(
            orderId,
            new Money(request.amount(), currency),
            request.reason(),
            Boolean.TRUE.equals(request.storeCredit()),
            idempotencyKey,
            Callers.user(security));
    return Response.status(Response.Status.CREATED).entity(refund).build();
  }

  /** An order's payments ({@code ?order=}), or the latest payments, optionally in a status. */
  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Page<Payment> list(
      @QueryParam("order") String order,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @Context SecurityContext security) {
    if (order != null && !order.isBlank()) {
      List<Payment> all = payments.forOrder(order);
      return new Page<>(all, 0, Math.max(1, all.size()), false);
    }
    if (!security.isUserInRole(Roles.ADMIN) && !security.isUserInRole(Roles.MANAGER)) {
      throw new javax.ws.rs.ForbiddenException("listing all payments needs the manager role");
    }
    int s = Math.max(1, Math.min(size, Page.MAX_SIZE));
    return payments.list(status(status), Math.max(0, page) * s, s);
  }

  @GET
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public Payment get(@PathParam("id") String id) {
    return payments.get(id);
  }

  @POST
  @Path("{id}/clear")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Payment clear(@PathParam("id") String id, @Context SecurityContext security) {
    return payments.settleCheck(id, true, Callers.user(security));
  }

  @POST
  @Path("{id}/bounce")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Payment bounce(@PathParam("id") String id, @Context SecurityContext security) {
    return payments.settleCheck(id, false, Callers.user(security));
  }

  @POST
  @Path("webhooks/{gateway}")
  @Consumes(MediaType.WILDCARD)
  @Roles({}) // the gateway's own signature is checked instead
  public GatewayEventResult webhook(
      @PathParam("gateway") String gateway, @Context HttpHeaders headers, byte[] body) {
    if (body == null || body.length == 0) {
      throw new ValidationException("an empty webhook body");
    }
    return payments.receiveWebhook(gateway, new WebhookRequest(headers.getRequestHeaders(), body));
  }

  private static PaymentStatus status(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return PaymentStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("unknown payment status: " + s);
    }
  }
}
