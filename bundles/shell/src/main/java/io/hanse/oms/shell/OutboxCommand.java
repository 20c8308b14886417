package io.hanse.oms.shell;

import io.hanse.oms.api.event.EventOutbox;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "outbox",
    description =
        "Shows events waiting to be published and those whose publishing failed"
            + " (oms:outbox-retry sends those back).")
public class OutboxCommand implements Action {
  @Reference private EventOutbox outbox;

  @Option(name = "--failed", aliases = "-f", description = "Only events whose publishing failed")
  private boolean failedOnly;

  @Option(name = "--limit", aliases = "-n", description = "At most this many events (50)")
  private int limit = 50;

  @Override
  public Object execute() {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("--limit must be between 1 and 1000");
    }
    EventOutbox.Status status = outbox.status();
    System.out.printf(
        "%d waiting, %d failed%s%n",
        status.pending(),
        status.failed(),
        status.oldestPendingAt() == null
            ? ""
            : ", oldest waiting since " + Format.time(status.oldestPendingAt()));
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Topic");
    table.column("Written");
    table.column("Attempts").alignRight();
    table.column("Last error").maxSize(80);
    for (EventOutbox.Entry e : outbox.list(failedOnly, limit)) {
      table
          .addRow()
          .addContent(
              e.id(),
              e.topic(),
              Format.time(e.createdAt()),
              e.attempts(),
              Format.text(e.lastError()));
    }
    table.print(System.out);
    return null;
  }
}
