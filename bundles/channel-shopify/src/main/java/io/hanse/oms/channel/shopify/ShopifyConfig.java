package io.hanse.oms.channel.shopify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Shopify shop: {@code etc/io.hanse.oms.channel.shopify-<name>.cfg}. */
@ObjectClassDefinition(
    name = "Hanse OMS Shopify channel",
    description = "One Shopify shop; webhooks arrive at /api/v1/channels/<name>/webhook")
public @interface ShopifyConfig {

  @AttributeDefinition(
      description =
          "Instance name in webhook URLs and on orders; defaults to the part of the file name"
              + " after 'shopify-'",
      required = false)
  String name() default "";

  @AttributeDefinition(
      description = "The app's client secret: webhooks are signed with it (X-Shopify-Hmac-Sha256)",
      type = AttributeType.PASSWORD)
  String webhookSecret() default "";

  @AttributeDefinition(
      description = "Admin API base, e.g. https://my-shop.myshopify.com/admin/api/2025-01")
  String adminApiUrl() default "";

  @AttributeDefinition(
      description = "Admin API access token (X-Shopify-Access-Token)",
      type = AttributeType.PASSWORD)
  String accessToken() default "";

  @AttributeDefinition(
      description =
          "The Shopify location whose quantities Hanse sets (id or gid://shopify/Location/id)")
  String location() default "";

  @AttributeDefinition(description = "Departments whose stock this shop sells")
  String[] departments() default {"web"};

  @AttributeDefinition(description = "Refund the customer on Shopify when Hanse cancels an order")
  boolean refundOnCancel() default true;

  @AttributeDefinition(description = "Timeout of each Admin API call, in milliseconds")
  int timeoutMillis() default 10_000;
}
