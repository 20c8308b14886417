package io.hanse.oms.shell;

import io.hanse.oms.api.event.EventOutbox;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "outbox-retry",
    description = "Sends failed events back to the relay: one by id, or all with --all.")
public class OutboxRetryCommand implements Action {
  @Reference private EventOutbox outbox;

  @Argument(index = 0, name = "id", description = "The failed event's id")
  private String id;

  @Option(name = "--all", aliases = "-a", description = "Every failed event")
  private boolean all;

  @Override
  public Object execute() {
    if ((id == null) == !all) {
      throw new IllegalArgumentException("give the id of a failed event, or --all");
    }
    int retried = outbox.retry(all ? null : id);
    System.out.println(retried + " failed event(s) will be published again within 30 s.");
    return null;
  }
}
