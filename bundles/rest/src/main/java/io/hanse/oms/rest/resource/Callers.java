package io.hanse.oms.rest.resource;

import javax.ws.rs.core.SecurityContext;

/** Who is calling, for the audit fields of what they change. */
final class Callers {
  private Callers() {}

  static String user(SecurityContext security) {
    return security == null || security.getUserPrincipal() == null
        ? "anonymous"
        : security.getUserPrincipal().getName();
  }
}
