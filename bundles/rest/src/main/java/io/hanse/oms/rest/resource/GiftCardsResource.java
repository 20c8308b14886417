package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.IssuedGiftCard;
import io.hanse.oms.api.security.Roles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Gift cards: issue (the code is shown once), look up a balance, reload, expire. */
@Path("giftcards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GiftCardsResource {
  private final Supplier<GiftCardService> cards;

  public GiftCardsResource(Supplier<GiftCardService> cards) {
    this.cards = cards;
  }

  /** {@code {"amount","currency","expiresAt"}}. */
  public record IssueRequest(BigDecimal amount, String currency, Instant expiresAt) {}

  /** {@code {"code"}}: looked up in a body, so that codes stay out of access logs. */
  public record Lookup(String code) {
    @Override
    public String toString() {
      return "Lookup[redacted]";
    }
  }

  @POST
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Response issue(
      IssueRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    Bodies.required(request);
    IssuedGiftCard issued =
        service()
            .issue(
                money(request.amount(), request.currency()),
                request.expiresAt(),
                "gift",
                idempotencyKey);
    return Response.status(Response.Status.CREATED).entity(issued).build();
  }

  @POST
  @Path("lookup")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public GiftCard lookup(Lookup lookup) {
    String code = Bodies.required(lookup).code();
    if (code == null || code.isBlank()) {
      throw new ValidationException("code is required");
    }
    return service()
        .findByCode(code)
        .orElseThrow(() -> new NotFoundException("gift card", "(code)"));
  }

  @GET
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Page<GiftCard> list(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    int s = Math.max(1, Math.min(size, Page.MAX_SIZE));
    return service().list(Math.max(0, page) * s, s);
  }

  @GET
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public GiftCard get(@PathParam("id") String id) {
    return service().get(id);
  }

  @POST
  @Path("{id}/reload")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public GiftCard reload(
      @PathParam("id") String id,
      IssueRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    Bodies.required(request);
    return service().reload(id, money(request.amount(), request.currency()), idempotencyKey);
  }

  @POST
  @Path("{id}/expire")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public GiftCard expire(@PathParam("id") String id) {
    return service().expire(id);
  }

  private GiftCardService service() {
    return Plugins.require(cards, "hanse-payment-giftcard");
  }

  private static Money money(BigDecimal amount, String currency) {
    if (amount == null || currency == null) {
      throw new ValidationException("amount and currency are required");
    }
    return new Money(amount, currency);
  }
}
