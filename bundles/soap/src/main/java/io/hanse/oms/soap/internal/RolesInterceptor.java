package io.hanse.oms.soap.internal;

import io.hanse.oms.api.security.Roles;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.cxf.interceptor.security.AbstractAuthorizingInInterceptor;
import org.apache.cxf.interceptor.security.AccessDeniedException;
import org.apache.cxf.security.SecurityContext;

/**
 * Lets a call through only when the caller has one of the roles that {@link Roles} on the operation
 * names; an operation without it is for {@code admin} only, so a forgotten annotation fails closed.
 * Refusals become a fault with HTTP 403.
 */
final class RolesInterceptor extends AbstractAuthorizingInInterceptor {

  RolesInterceptor() {
    super(true);
  }

  @Override
  protected boolean authorize(SecurityContext security, Method method) {
    if (super.authorize(security, method)) {
      return true;
    }
    throw new AccessDeniedException(
        method.getName() + " needs one of the roles " + getExpectedRoles(method));
  }

  @Override
  protected List<String> getExpectedRoles(Method method) {
    Roles roles = find(method);
    return roles == null ? List.of(Roles.ADMIN) : List.of(roles.value());
  }

  /** The annotation on the method, or on the service interface the method implements. */
  private static Roles find(Method method) {
    Roles roles = method.getAnnotation(Roles.class);
    if (roles != null) {
      return roles;
    }
    for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
      try {
        roles =
            type.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(Roles.class);
        if (roles != null) {
          return roles;
        }
      } catch (NoSuchMethodException e) {
        // not this interface's method
      }
    }
    return null;
  }
}
