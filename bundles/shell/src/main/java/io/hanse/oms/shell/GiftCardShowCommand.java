package io.hanse.oms.shell;

import io.hanse.oms.api.payment.GiftCard;
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
    name = "giftcard-show",
    description = "Shows a gift card's balance, by id or (--code) by the code the customer holds.")
public class GiftCardShowCommand implements Action {
  @Reference(optional = true)
  private GiftCardService cards;

  @Argument(
      index = 0,
      name = "id",
      description = "The card's id, or its code with --code",
      required = true)
  private String id;

  @Option(name = "--code", description = "The argument is the card's code")
  private boolean code;

  @Override
  public Object execute() {
    GiftCardService service = GiftCardCommands.require(cards);
    GiftCard card =
        code
            ? service
                .findByCode(id)
                .orElseThrow(() -> new IllegalArgumentException("no gift card with that code"))
            : service.get(id);
    GiftCardCommands.print(card);
    return null;
  }
}
