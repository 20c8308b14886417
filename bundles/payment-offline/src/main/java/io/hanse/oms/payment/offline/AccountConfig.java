package io.hanse.oms.payment.offline;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Optional configuration of on-account payments ({@code etc/io.hanse.oms.payment.account.cfg}). */
@ObjectClassDefinition(
    name = "Hanse on-account payments",
    description = "Invoices of customers who pay on account")
public @interface AccountConfig {
  String PID = "io.hanse.oms.payment.account";

  @AttributeDefinition(
      name = "Time zone",
      description =
          "The zone whose calendar counts invoice and due dates (a due date is a day, not an"
              + " instant), e.g. Europe/Berlin; empty for the server's zone")
  String timeZone() default "";
}
