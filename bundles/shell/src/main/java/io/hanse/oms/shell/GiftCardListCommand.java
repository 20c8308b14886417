package io.hanse.oms.shell;

import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.GiftCardService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "giftcard-list",
    description = "Lists gift cards, newest first, and what active cards are owed (a liability).")
public class GiftCardListCommand implements Action {
  @Reference(optional = true)
  private GiftCardService cards;

  @Option(name = "--max", aliases = "-n", description = "How many at most")
  private int max = 50;

  @Option(name = "--currency", description = "Currency of the outstanding total")
  private String currency = "EUR";

  @Override
  public Object execute() {
    GiftCardService service = GiftCardCommands.require(cards);
    ShellTable table = new ShellTable();
    table.column("Card");
    table.column("Code");
    table.column("Balance").alignRight();
    table.column("Held").alignRight();
    table.column("Status");
    table.column("Purpose");
    table.column("Expires");
    for (GiftCard c : service.list(0, max).items()) {
      table
          .addRow()
          .addContent(
              c.id(),
              "••••" + c.last4(),
              c.balance(),
              c.held().amount(),
              c.status(),
              c.purpose(),
              c.expiresAt() == null ? "" : c.expiresAt());
    }
    table.print(System.out);
    System.out.println("Outstanding on active cards: " + service.outstanding(currency));
    return null;
  }
}
