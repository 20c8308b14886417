package io.hanse.oms.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Hanse OMS REST API")
public @interface RestConfig {

  @AttributeDefinition(description = "Address of the API under CXF's servlet")
  String address() default "/api/v1";

  @AttributeDefinition(description = "JAAS realm that authenticates callers")
  String realm() default "karaf";

  @AttributeDefinition(description = "Largest request body accepted, in bytes")
  long maxBodyBytes() default 1_048_576;
}
