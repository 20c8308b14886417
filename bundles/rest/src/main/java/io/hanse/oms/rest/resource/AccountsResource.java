package io.hanse.oms.rest.resource;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.AccountService;
import io.hanse.oms.api.payment.CustomerAccount;
import io.hanse.oms.api.payment.Invoice;
import io.hanse.oms.api.security.Roles;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * On-account customers by customer id: credit limit and terms, invoices, payments received against
 * an invoice.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {
  private final Supplier<AccountService> accounts;

  public AccountsResource(Supplier<AccountService> accounts) {
    this.accounts = accounts;
  }

  /** {@code {"creditLimit","currency","termsDays"}}. */
  public record Terms(BigDecimal creditLimit, String currency, Integer termsDays) {}

  /** {@code {"amount","currency","reference"}}. */
  public record Received(BigDecimal amount, String currency, String reference) {}

  @PUT
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public CustomerAccount setTerms(@PathParam("id") String customerId, Terms terms) {
    Bodies.required(terms);
    if (terms.creditLimit() == null || terms.currency() == null || terms.termsDays() == null) {
      throw new ValidationException("creditLimit, currency and termsDays are required");
    }
    return service()
        .setTerms(customerId, new Money(terms.creditLimit(), terms.currency()), terms.termsDays());
  }

  @GET
  @Path("{id}")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public CustomerAccount get(@PathParam("id") String customerId) {
    return service().get(customerId);
  }

  @GET
  @Path("{id}/invoices")
  @Roles({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
  public List<Invoice> invoices(@PathParam("id") String customerId) {
    return service().invoices(customerId);
  }

  @POST
  @Path("invoices/{invoice}/payments")
  @Roles({Roles.ADMIN, Roles.MANAGER})
  public Invoice received(@PathParam("invoice") String invoiceId, Received payment) {
    Bodies.required(payment);
    if (payment.amount() == null || payment.currency() == null) {
      throw new ValidationException("amount and currency are required");
    }
    return service()
        .recordPayment(
            invoiceId, new Money(payment.amount(), payment.currency()), payment.reference());
  }

  private AccountService service() {
    return Plugins.require(accounts, "hanse-payment-offline");
  }
}
