package io.hanse.oms.shell;

import io.hanse.oms.api.customer.Customer;
import io.hanse.oms.api.customer.CustomerService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(
    scope = "oms",
    name = "customer-find",
    description = "Finds customers by part of their name, e-mail address or phone number.")
public class CustomerFindCommand implements Action {
  @Reference private CustomerService customers;

  @Argument(index = 0, name = "text", description = "What to look for", required = true)
  private String text;

  @Option(name = "--limit", aliases = "-n", description = "At most this many (20)")
  private int limit = 20;

  @Override
  public Object execute() {
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("--limit must be between 1 and 200");
    }
    List<Customer> found = customers.search(text, limit);
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("E-mail");
    table.column("Name");
    table.column("Phone");
    table.column("Since");
    for (Customer c : found) {
      table
          .addRow()
          .addContent(
              c.id(),
              c.email(),
              Format.text(c.name()),
              Format.text(c.phone()),
              Format.time(c.createdAt()));
    }
    table.print(System.out);
    return null;
  }
}
