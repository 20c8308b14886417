package io.hanse.oms.shell;

import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelStatus;
import io.hanse.oms.api.channel.InboxOutcome;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "channel-list",
    description = "Lists the installed channel instances and how each is doing.")
public class ChannelListCommand implements Action {
  @Reference private ChannelAdmin channels;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Name");
    table.column("Connector");
    table.column("Departments");
    table.column("State");
    table.column("Pushing").alignRight();
    table.column("Notices").alignRight();
    table.column("On hold").alignRight();
    table.column("Failed").alignRight();
    for (ChannelStatus c : channels.channels()) {
      table
          .addRow()
          .addContent(
              c.name(),
              c.connector(),
              String.join(",", c.departments()),
              state(c),
              c.pendingSkus(),
              c.pendingNotifications(),
              c.inbox().getOrDefault(InboxOutcome.ON_HOLD, 0L),
              c.inbox().getOrDefault(InboxOutcome.FAILED, 0L));
    }
    table.print(System.out);
    return null;
  }

  static String state(ChannelStatus c) {
    if (c.problem() != null) {
      return "NOT CONFIGURED";
    }
    return c.failures() > 0 ? "FAILING (" + c.failures() + ")" : "OK";
  }
}
