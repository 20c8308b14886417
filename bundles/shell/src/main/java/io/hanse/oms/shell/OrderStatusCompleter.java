package io.hanse.oms.shell;

import io.hanse.oms.api.order.OrderStatus;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes order statuses. */
@Service
public class OrderStatusCompleter implements Completer {
  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    return new StringsCompleter(Arrays.stream(OrderStatus.values()).map(Enum::name).toList(), false)
        .complete(session, commandLine, candidates);
  }
}
