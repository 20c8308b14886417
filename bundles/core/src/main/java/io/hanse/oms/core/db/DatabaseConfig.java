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

  @AttributeDefinition(
      description =
          "PostgreSQL: plan every execution of a prepared statement for the tables as they are"
              + " (adds -c plan_cache_mode=force_custom_plan to the connection's options; needs"
              + " PostgreSQL 12 or later). Turn off behind a pooler that refuses startup options,"
              + " such as PgBouncer before 1.20, and set plan_cache_mode on the role instead.")
  boolean postgresCustomPlans() default true;

  @AttributeDefinition(
      description =
          "PostgreSQL: the planner's cost of a page read out of order (adds -c random_page_cost=…"
              + " to the connection's options). 1.1 suits data in memory or on SSDs: small tables"
              + " are then read by key, not scanned whole. Empty keeps the server's setting, as"
              + " does postgresCustomPlans=false (for poolers that refuse startup options).",
      required = false)
  String postgresRandomPageCost() default DataSourceProvisioner.Settings.RANDOM_PAGE_COST;
}
