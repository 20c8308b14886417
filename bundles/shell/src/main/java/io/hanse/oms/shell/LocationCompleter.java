package io.hanse.oms.shell;

import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.inventory.Location;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes location codes. */
@Service
public class LocationCompleter implements Completer {
  @Reference private InventoryService inventory;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    return new StringsCompleter(inventory.listLocations().stream().map(Location::code).toList())
        .complete(session, commandLine, candidates);
  }
}
