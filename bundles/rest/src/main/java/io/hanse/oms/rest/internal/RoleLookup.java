package io.hanse.oms.rest.internal;

import io.hanse.oms.api.security.Roles;
import java.lang.reflect.Method;

/**
 * The roles a resource method allows: its {@link Roles}, else its class's, else {@code admin} only
 * so that a forgotten annotation fails closed. An empty list means public.
 */
final class RoleLookup {
  private static final String[] ADMIN_ONLY = {Roles.ADMIN};

  private RoleLookup() {}

  static String[] allowed(Method method) {
    if (method == null) {
      return ADMIN_ONLY;
    }
    Roles roles = method.getAnnotation(Roles.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(Roles.class);
    }
    return roles != null ? roles.value() : ADMIN_ONLY;
  }
}
