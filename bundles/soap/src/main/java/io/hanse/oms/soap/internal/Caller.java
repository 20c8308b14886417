package io.hanse.oms.soap.internal;

import java.security.Principal;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.security.SecurityContext;

/** The authenticated user of the current SOAP call, for the audit fields of what it changes. */
abstract class Caller {
  protected String user() {
    Message message = PhaseInterceptorChain.getCurrentMessage();
    SecurityContext security = message == null ? null : message.get(SecurityContext.class);
    Principal principal = security == null ? null : security.getUserPrincipal();
    return principal == null ? "soap" : principal.getName();
  }
}
