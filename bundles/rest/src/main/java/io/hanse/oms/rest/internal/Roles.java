package io.hanse.oms.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles allowed to call a resource method (any one suffices). A method without it is for {@code
 * admin} only, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Roles {
  String ADMIN = "admin";
  String MANAGER = "manager";
  String AGENT = "agent";
  String CHANNEL = "channel";

  /** Roles allowed; empty means the method is public (health, OpenAPI). */
  String[] value();
}
