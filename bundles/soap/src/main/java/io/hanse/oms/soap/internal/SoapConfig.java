package io.hanse.oms.soap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Hanse OMS SOAP",
    description = "JAX-WS services for orders, inventory, catalog and payments, with WS-Security")
public @interface SoapConfig {
  @AttributeDefinition(description = "Path under which the services are published")
  String address() default "/soap";

  @AttributeDefinition(description = "JAAS realm that checks WS-Security UsernameTokens")
  String realm() default "karaf";

  @AttributeDefinition(description = "Largest request body accepted, in bytes")
  long maxBodyBytes() default 1_048_576;
}
