package io.hanse.oms.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles allowed to call a REST resource method or a SOAP operation (any one suffices). One role
 * model for every interface: {@code admin} everything; {@code manager} stock, prices, purchasing,
 * shipments, cancellations, refunds; {@code agent} customers and orders (look up, place, hold,
 * cancel); {@code channel} only what a connector needs. A method without it is for {@code admin}
 * only, so a forgotten annotation fails closed.
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
