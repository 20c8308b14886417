package io.hanse.oms.channel.pos;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One store's POS terminals: {@code etc/io.hanse.oms.channel.pos-<store>.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS POS channel",
    description = "One store's terminals; they post to /api/v1/channels/<name>/webhook")
public @interface PosConfig {

  @AttributeDefinition(
      description = "Instance name; defaults to the part of the file name after 'pos-'",
      required = false)
  String name() default "";

  @AttributeDefinition(
      description = "The secret the store's terminals sign with (X-Hanse-Pos-Signature)",
      type = AttributeType.PASSWORD)
  String terminalSecret() default "";

  @AttributeDefinition(description = "The store's location code in Hanse: sales take stock from it")
  String location() default "";

  @AttributeDefinition(description = "Departments of the store")
  String[] departments() default {"store"};
}
