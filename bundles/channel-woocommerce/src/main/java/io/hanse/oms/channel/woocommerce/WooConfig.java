package io.hanse.oms.channel.woocommerce;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One WooCommerce site: {@code etc/io.hanse.oms.channel.woocommerce-<name>.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS WooCommerce channel",
    description = "One WooCommerce site; webhooks arrive at /api/v1/channels/<name>/webhook")
public @interface WooConfig {

  @AttributeDefinition(
      description = "Instance name; defaults to the part of the file name after 'woocommerce-'",
      required = false)
  String name() default "";

  @AttributeDefinition(
      description = "The webhooks' secret: they are signed with it (X-WC-Webhook-Signature)",
      type = AttributeType.PASSWORD)
  String webhookSecret() default "";

  @AttributeDefinition(description = "The site, e.g. https://shop.example.com")
  String siteUrl() default "";

  @AttributeDefinition(description = "REST API consumer key (ck_...)")
  String consumerKey() default "";

  @AttributeDefinition(
      description = "REST API consumer secret (cs_...)",
      type = AttributeType.PASSWORD)
  String consumerSecret() default "";

  @AttributeDefinition(description = "Departments whose stock this site sells")
  String[] departments() default {"web"};

  @AttributeDefinition(description = "Timeout of each REST call, in milliseconds")
  int timeoutMillis() default 10_000;
}
