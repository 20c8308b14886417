package io.hanse.oms.channel.shopify;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.ConfiguredConnector;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One Shopify shop. Orders arrive as signed webhooks (orders/create, orders/paid, and cancellations
 * in any order webhook); availability, fulfilments and cancellations go back through the GraphQL
 * Admin API. Registered by {@link ShopifyInstance}.
 */
final class ShopifyConnector extends ConfiguredConnector {
  private final String secret;
  private final boolean refundOnCancel;
  private final ShopifyAdmin admin;

  ShopifyConnector(ShopifyConfig config, Map<String, Object> properties) {
    super(
        "shopify",
        ChannelInstances.name(config.name(), properties, ShopifyInstance.FACTORY_PID),
        config.departments(),
        ChannelInstances.required(
            "webhookSecret", config.webhookSecret(),
            "adminApiUrl", config.adminApiUrl(),
            "accessToken", config.accessToken(),
            "location", config.location()),
        () ->
            config.adminApiUrl().startsWith("https://")
                    || config.adminApiUrl().startsWith("http://")
                ? null
                : "adminApiUrl must be an http(s) URL");
    this.secret = config.webhookSecret();
    this.refundOnCancel = config.refundOnCancel();
    this.admin =
        configurationProblem() == null
            ? new ShopifyAdmin(
                config.adminApiUrl(),
                config.accessToken(),
                config.location(),
                Duration.ofMillis(Math.max(1000, config.timeoutMillis())))
            : null;
  }

  @Override
  public InboundMessage verify(WebhookRequest request) {
    return ShopifyWebhooks.verify(request, secret);
  }

  @Override
  public ChannelAction map(InboundMessage message) {
    return ShopifyOrders.map(message);
  }

  @Override
  public void pushAvailability(List<Availability> levels) throws IOException {
    admin.setAvailable(levels);
  }

  @Override
  public void orderShipped(ChannelShipment shipment) throws IOException {
    admin.fulfil(shipment);
  }

  @Override
  public void orderCancelled(String externalId, String reason) throws IOException {
    admin.cancel(externalId, refundOnCancel);
  }
}
