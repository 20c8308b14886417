package io.hanse.oms.shell;

import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.WebhookResult;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "channel-replay",
    description =
        "Acts on stored inbox entries again, e.g. after a connector or the catalog was fixed."
            + " An order already taken is not taken twice.")
public class ChannelReplayCommand implements Action {
  @Reference private ChannelInbox inbox;

  @Argument(
      index = 0,
      name = "entries",
      required = true,
      multiValued = true,
      description = "Inbox entry ids (oms:channel-status shows them)")
  private java.util.List<Long> ids;

  @Override
  public Object execute() {
    for (Long id : ids) {
      WebhookResult result = inbox.replay(id, Caller.name());
      System.out.printf(
          "%d: %s%s%s%n",
          id,
          result.outcome(),
          result.orderId() == null ? "" : " order " + result.orderId(),
          result.detail() == null ? "" : " (" + result.detail() + ")");
    }
    return null;
  }
}
