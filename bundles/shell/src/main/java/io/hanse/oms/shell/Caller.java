package io.hanse.oms.shell;

import java.security.AccessController;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Who runs a command, for the audit fields of what it changes. Which roles may run which command is
 * Karaf's command ACL ({@code etc/org.apache.karaf.command.acl.oms.cfg}), checked before a command
 * runs.
 */
final class Caller {
  private Caller() {}

  @SuppressWarnings("removal") // the shell runs commands as the session's Subject this way
  static String name() {
    Subject subject = Subject.getSubject(AccessController.getContext());
    if (subject != null) {
      for (UserPrincipal p : subject.getPrincipals(UserPrincipal.class)) {
        return p.getName();
      }
    }
    return "shell";
  }
}
