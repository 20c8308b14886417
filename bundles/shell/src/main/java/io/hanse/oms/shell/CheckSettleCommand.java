package io.hanse.oms.shell;

import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "payment-check",
    description =
        "Records that a check cleared (its order goes ahead) or bounced (its order stays on hold).")
public class CheckSettleCommand implements Action {
  @Reference private PaymentService payments;

  @Argument(index = 0, name = "payment", description = "The check's payment id", required = true)
  private String payment;

  @Option(name = "--bounced", description = "The check bounced")
  private boolean bounced;

  @Override
  public Object execute() {
    Payment p = payments.settleCheck(payment, !bounced, Caller.name());
    System.out.println("Payment " + p.id() + " (" + p.display() + ") is " + p.status() + ".");
    return null;
  }
}
