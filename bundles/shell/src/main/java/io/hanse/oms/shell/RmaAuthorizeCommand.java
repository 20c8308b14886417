package io.hanse.oms.shell;

import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
    scope = "oms",
    name = "rma-authorize",
    description = "Agrees to a requested return (or refuses it with --reject).")
public class RmaAuthorizeCommand implements Action {
  @Reference private ReturnService returns;

  @Argument(index = 0, name = "rma", description = "The return id", required = true)
  private String rma;

  @Option(name = "--reject", description = "Refuse the return, with this reason")
  private String reject;

  @Override
  public Object execute() {
    Rma r =
        reject == null
            ? returns.authorize(rma, Caller.name())
            : returns.reject(rma, reject, Caller.name());
    System.out.println("Return " + r.id() + " is " + r.status() + ".");
    return null;
  }
}
