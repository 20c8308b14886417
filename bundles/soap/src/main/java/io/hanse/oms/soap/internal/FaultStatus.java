package io.hanse.oms.soap.internal;

import io.hanse.oms.soap.ws.fault.ServiceFault;
import java.util.Set;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AccessDeniedException;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Tells callers whose side a fault is on: a missing or wrong login is {@code soap:Client} with HTTP
 * 401, a role too low {@code soap:Client} with 403, a refused request {@code soap:Client} (its code
 * in the detail), and only what went wrong inside, or a plugin or gateway that is not there ({@code
 * unavailable}: try again later), stays {@code soap:Server}.
 */
final class FaultStatus extends AbstractPhaseInterceptor<Message> {
  private static final Set<String> SERVER_SIDE = Set.of("internal-error", "unavailable");

  FaultStatus() {
    super(Phase.PREPARE_SEND);
  }

  @Override
  public void handleMessage(Message message) {
    if (!(message.getContent(Exception.class) instanceof Fault fault)) {
      return;
    }
    for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException) {
        // JAAS says whether the user exists; the caller learns only that the login failed
        fault.setMessage("authentication failed");
        clientError(message, fault, 401);
        return;
      }
      if (t instanceof AccessDeniedException) {
        clientError(message, fault, 403);
        return;
      }
      if (t instanceof ServiceFault s && s.getFaultInfo() != null) {
        if (!SERVER_SIDE.contains(s.getFaultInfo().code)) {
          fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
        return;
      }
    }
  }

  private static void clientError(Message message, Fault fault, int status) {
    fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
    fault.setStatusCode(status);
    message.put(Message.RESPONSE_CODE, status);
  }
}
