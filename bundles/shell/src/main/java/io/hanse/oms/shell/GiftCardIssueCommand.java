package io.hanse.oms.shell;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.IssuedGiftCard;
import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "giftcard-issue",
    description = "Issues a gift card; its code is shown this once.")
public class GiftCardIssueCommand implements Action {
  @Reference(optional = true)
  private GiftCardService cards;

  @Argument(index = 0, name = "amount", description = "e.g. 50.00", required = true)
  private String amount;

  @Argument(index = 1, name = "currency", description = "ISO code")
  private String currency = "EUR";

  @Option(name = "--expires-days", description = "Days until it expires; never by default")
  private int expiresDays;

  @Override
  public Object execute() {
    IssuedGiftCard issued =
        GiftCardCommands.require(cards)
            .issue(
                Money.of(amount, currency),
                expiresDays > 0 ? Instant.now().plus(Duration.ofDays(expiresDays)) : null,
                "gift",
                null);
    GiftCardCommands.print(issued.card());
    System.out.println("Code (shown once): " + issued.code());
    return null;
  }
}
