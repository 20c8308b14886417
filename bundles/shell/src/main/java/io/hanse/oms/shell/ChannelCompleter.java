package io.hanse.oms.shell;

import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelStatus;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of installed channel instances. */
@Service
public class ChannelCompleter implements Completer {
  @Reference private ChannelAdmin channels;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter names = new StringsCompleter();
    channels.channels().stream().map(ChannelStatus::name).forEach(names.getStrings()::add);
    return names.complete(session, commandLine, candidates);
  }
}
