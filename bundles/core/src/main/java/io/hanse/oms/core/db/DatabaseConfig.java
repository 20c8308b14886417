package io.hanse.oms.core.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Hanse OMS database",
    description =
        "Where Hanse keeps its data. Empty values fall back to the environment variables"
            + " HANSE_DB_URL, HANSE_DB_USER and HANSE_DB_PASSWORD, then to embedded Derby in the"
            + " Karaf data folder.")
public @interface DatabaseConfig {

  @AttributeDefinition(
      description = "JDBC URL: jdbc:derby:... or jdbc:postgresql://host:5432/db",
      required = false)
  String url() default "";

  @AttributeDefinition(required = false)
  String user() default "";

  @AttributeDefinition(type = AttributeType.PASSWORD, required = false)
  String password() default "";

  @AttributeDefinition(description = "Most connections in the pool")
  int poolMaxTotal() default 24;
}
