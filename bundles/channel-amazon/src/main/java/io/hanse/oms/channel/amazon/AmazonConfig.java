package io.hanse.oms.channel.amazon;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Amazon seller account in one marketplace: {@code etc/io.hanse.oms.channel.amazon-<name>.cfg}.
 */
@ObjectClassDefinition(
    name = "Hanse OMS Amazon channel",
    description =
        "One seller account and marketplace; orders are polled from the Selling Partner API")
public @interface AmazonConfig {

  @AttributeDefinition(
      description = "Instance name; defaults to the part of the file name after 'amazon-'",
      required = false)
  String name() default "";

  @AttributeDefinition(description = "Login with Amazon client id of the SP-API application")
  String lwaClientId() default "";

  @AttributeDefinition(
      description = "Login with Amazon client secret",
      type = AttributeType.PASSWORD)
  String lwaClientSecret() default "";

  @AttributeDefinition(description = "The seller's refresh token", type = AttributeType.PASSWORD)
  String refreshToken() default "";

  @AttributeDefinition(description = "Login with Amazon token endpoint")
  String tokenUrl() default "https://api.amazon.com/auth/o2/token";

  @AttributeDefinition(
      description = "SP-API endpoint of the region, e.g. https://sellingpartnerapi-eu.amazon.com")
  String endpoint() default "";

  @AttributeDefinition(description = "Marketplace id, e.g. A1PA6795UKMFR9 (amazon.de)")
  String marketplaceId() default "";

  @AttributeDefinition(description = "Seller id (merchant token), for the Listings Items API")
  String sellerId() default "";

  @AttributeDefinition(
      description = "Ask for a restricted data token so orders come with buyer e-mail and address")
  boolean restrictedData() default true;

  @AttributeDefinition(description = "Seconds between polls of getOrders")
  int pollSeconds() default 120;

  @AttributeDefinition(description = "On the first poll, fetch orders updated this many hours back")
  int lookbackHours() default 24;

  @AttributeDefinition(description = "Departments whose stock this marketplace sells")
  String[] departments() default {"web"};

  @AttributeDefinition(description = "Timeout of each call, in milliseconds")
  int timeoutMillis() default 15_000;
}
