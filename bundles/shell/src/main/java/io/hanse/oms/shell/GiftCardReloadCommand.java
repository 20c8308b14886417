package io.hanse.oms.shell;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.GiftCardService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "giftcard-reload",
    description = "Adds money to a gift card, or expires it with --expire.")
public class GiftCardReloadCommand implements Action {
  @Reference(optional = true)
  private GiftCardService cards;

  @Argument(index = 0, name = "id", description = "The card's id", required = true)
  private String id;

  @Argument(index = 1, name = "amount", description = "e.g. 20.00")
  private String amount;

  @Argument(index = 2, name = "currency", description = "ISO code")
  private String currency = "EUR";

  @Option(name = "--expire", description = "Expire the card now instead")
  private boolean expire;

  @Override
  public Object execute() {
    GiftCardService service = GiftCardCommands.require(cards);
    if (expire) {
      GiftCardCommands.print(service.expire(id));
    } else if (amount == null) {
      throw new IllegalArgumentException("give an amount to reload, or --expire");
    } else {
      GiftCardCommands.print(service.reload(id, Money.of(amount, currency), null));
    }
    return null;
  }
}
