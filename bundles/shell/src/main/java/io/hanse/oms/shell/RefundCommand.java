package io.hanse.oms.shell;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.Refund;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "refund",
    description =
        "Refunds part or all of what an order's tenders captured (never more), to the tenders or as store credit.")
public class RefundCommand implements Action {
  @Reference private PaymentService payments;

  @Argument(index = 0, name = "order", description = "The order id", required = true)
  private String order;

  @Argument(index = 1, name = "amount", description = "How much, e.g. 12.50", required = true)
  private String amount;

  @Argument(index = 2, name = "currency", description = "The order's currency")
  private String currency = "EUR";

  @Option(name = "--reason", aliases = "-r", description = "Why, kept with the refund")
  private String reason = "refund from the shell";

  @Option(name = "--store-credit", description = "Put it on a new gift card instead")
  private boolean storeCredit;

  @Option(
      name = "--key",
      description =
          "Idempotency key: the same key again returns the first refund instead of paying twice")
  private String key;

  @Override
  public Object execute() {
    Refund refund =
        payments.refund(
            order,
            Money.of(amount, currency),
            reason,
            storeCredit,
            key == null ? "shell:" + UUID.randomUUID() : key,
            Caller.name());
    System.out.println(
        "Refund " + refund.id() + ": " + refund.amount() + " of order " + order + ".");
    refund
        .operations()
        .forEach(
            op -> System.out.println("  " + op.type() + " " + op.amount() + " " + op.status()));
    if (refund.storeCredit() != null) {
      System.out.println(
          "  Store credit on gift card "
              + refund.storeCredit().card().id()
              + ", code (shown once): "
              + refund.storeCredit().code());
    }
    return null;
  }
}
