package io.hanse.oms.shell;

import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.ChannelStatus;
import io.hanse.oms.api.channel.InboxEntry;
import io.hanse.oms.api.channel.InboxOutcome;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "channel-status",
    description =
        "Shows one channel instance: configuration, availability pushes, notices, and its inbox"
            + " (by default the problem queue: messages on hold or failed).")
public class ChannelStatusCommand implements Action {
  @Reference private ChannelAdmin channels;
  @Reference private ChannelInbox inbox;

  @Argument(index = 0, name = "name", required = true, description = "The channel instance")
  @Completion(ChannelCompleter.class)
  private String name;

  @Option(
      name = "--outcome",
      aliases = "-o",
      description = "Inbox entries with this outcome (ACCEPTED, ON_HOLD, FAILED, ...) or ALL")
  private String outcome;

  @Option(name = "--limit", aliases = "-n", description = "At most this many inbox entries (20)")
  private int limit = 20;

  @Override
  public Object execute() {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("--limit must be between 1 and 500");
    }
    ChannelStatus c = channels.status(name);
    System.out.printf("Channel      %s (%s)%n", c.name(), c.connector());
    System.out.printf("State        %s%n", ChannelListCommand.state(c));
    if (c.problem() != null) {
      System.out.printf("Problem      %s%n", c.problem());
    }
    System.out.printf("Departments  %s%n", String.join(", ", c.departments()));
    System.out.printf(
        "Availability %d SKUs pushed, last at %s; %d waiting%n",
        c.pushedSkus(), Format.time(c.pushedAt()), c.pendingSkus());
    if (c.lastError() != null) {
      System.out.printf("Last error   %s%n", c.lastError());
    }
    System.out.printf("Notices      %d waiting to be delivered%n", c.pendingNotifications());
    System.out.printf("Inbox        %s%n", c.inbox().isEmpty() ? "empty" : c.inbox());

    ShellTable table = new ShellTable();
    table.column("Entry").alignRight();
    table.column("Received");
    table.column("Topic");
    table.column("External id");
    table.column("Outcome");
    table.column("Order");
    table.column("Detail").maxSize(70);
    if ("ALL".equalsIgnoreCase(outcome)) {
      inbox.entries(name, null, limit).forEach(e -> row(table, e));
    } else if (outcome != null) {
      inbox.entries(name, parse(outcome), limit).forEach(e -> row(table, e));
    } else {
      inbox.entries(name, InboxOutcome.ON_HOLD, limit).forEach(e -> row(table, e));
      inbox.entries(name, InboxOutcome.FAILED, limit).forEach(e -> row(table, e));
    }
    table.print(System.out);
    return null;
  }

  private static void row(ShellTable table, InboxEntry e) {
    table
        .addRow()
        .addContent(
            e.id(),
            Format.time(e.receivedAt()),
            Format.text(e.topic()),
            Format.text(e.externalId()),
            e.outcome(),
            Format.text(e.orderId()),
            Format.text(e.detail()));
  }

  private static InboxOutcome parse(String value) {
    try {
      return InboxOutcome.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--outcome must be ALL or one of " + java.util.List.of(InboxOutcome.values()));
    }
  }
}
