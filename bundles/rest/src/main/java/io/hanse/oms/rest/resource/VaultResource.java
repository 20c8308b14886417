package io.hanse.oms.rest.resource;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.security.Roles;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * The card vault: a card in, a token out. The answer and every error show at most the last four
 * digits.
 */
@Path("vault/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VaultResource {
  private final Supplier<CardVault> vault;

  public VaultResource(Supplier<CardVault> vault) {
    this.vault = vault;
  }

  /**
   * {@code {"number","expMonth","expYear","cvc"}}; text fields, so that a parser error can never
   * quote a card number.
   */
  public record CardRequest(String number, String expMonth, String expYear, String cvc) {
    @Override
    public String toString() {
      return "CardRequest[redacted]";
    }
  }

  @POST
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public Response tokenize(CardRequest card) {
    CardVault v = Plugins.require(vault, "hanse-payment-vault");
    Bodies.required(card);
    CardToken token =
        v.tokenize(
            new CardDetails(
                card.number(),
                number("expMonth", card.expMonth()),
                number("expYear", card.expYear()),
                card.cvc()));
    return Response.status(Response.Status.CREATED).entity(token).build();
  }

  @GET
  @Path("{token}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT, Roles.CHANNEL})
  public CardToken get(@PathParam("token") String token) {
    return Plugins.require(vault, "hanse-payment-vault")
        .find(token)
        // the token is not echoed: a card number pasted into the path must not come back
        .orElseThrow(() -> new NotFoundException("card", "(token)"));
  }

  private static int number(String field, String value) {
    if (value == null || !value.trim().matches("\\d{1,4}")) {
      throw new ValidationException(field + " must be a number");
    }
    return Integer.parseInt(value.trim());
  }
}
