package io.hanse.oms.shell;

import io.hanse.oms.api.catalog.CatalogService;
import io.hanse.oms.api.catalog.Product;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes SKUs from the catalog, the first 50 that contain what was typed. */
@Service
public class SkuCompleter implements Completer {
  @Reference private CatalogService catalog;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    String typed = commandLine.getCursorArgument();
    String prefix =
        typed == null
            ? ""
            : typed.substring(0, Math.min(commandLine.getArgumentPosition(), typed.length()));
    List<String> skus =
        catalog.listProducts(prefix, 0, 50).items().stream().map(Product::sku).toList();
    return new StringsCompleter(skus).complete(session, commandLine, candidates);
  }
}
