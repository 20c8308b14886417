package io.hanse.oms.shell;

import io.hanse.oms.api.channel.ChannelAdmin;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "channel-resync",
    description = "Pushes the availability of every SKU to a channel instance again.")
public class ChannelResyncCommand implements Action {
  @Reference private ChannelAdmin channels;

  @Argument(index = 0, name = "name", required = true, description = "The channel instance")
  @Completion(ChannelCompleter.class)
  private String name;

  @Override
  public Object execute() {
    int queued = channels.resync(name);
    System.out.printf(
        "%d SKUs queued for %s; oms:channel-status %s shows progress.%n", queued, name, name);
    return null;
  }
}
