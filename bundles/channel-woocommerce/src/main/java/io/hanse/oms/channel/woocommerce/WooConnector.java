package io.hanse.oms.channel.woocommerce;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.ConfiguredConnector;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One WooCommerce site. Orders arrive as signed webhooks (order.created, order.updated); stock,
 * shipment notes and order status go back through the REST API v3. Registered by {@link
 * WooInstance}.
 */
final class WooConnector extends ConfiguredConnector {
  private final String secret;
  private final WooApi api;

  WooConnector(WooConfig config, Map<String, Object> properties) {
    super(
        "woocommerce",
        ChannelInstances.name(config.name(), properties, WooInstance.FACTORY_PID),
        config.departments(),
        ChannelInstances.required(
            "webhookSecret", config.webhookSecret(),
            "siteUrl", config.siteUrl(),
            "consumerKey", config.consumerKey(),
            "consumerSecret", config.consumerSecret()),
        () -> siteProblem(config.siteUrl()));
    this.secret = config.webhookSecret();
    this.api =
        configurationProblem() == null
            ? new WooApi(
                config.siteUrl(),
                config.consumerKey(),
                config.consumerSecret(),
                Duration.ofMillis(Math.max(1000, config.timeoutMillis())))
            : null;
  }

  /** WooCommerce takes its keys by basic auth over HTTPS only; plain HTTP is for a local site. */
  private static String siteProblem(String siteUrl) {
    URI url;
    try {
      url = URI.create(siteUrl);
    } catch (IllegalArgumentException e) {
      return "siteUrl is not a URL";
    }
    boolean local = "localhost".equals(url.getHost()) || "127.0.0.1".equals(url.getHost());
    if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && local)) {
      return "siteUrl must be https:// (plain http only for localhost)";
    }
    return null;
  }

  @Override
  public InboundMessage verify(WebhookRequest request) {
    return WooWebhooks.verify(request, secret);
  }

  @Override
  public ChannelAction map(InboundMessage message) {
    return WooOrders.map(message);
  }

  @Override
  public void pushAvailability(List<Availability> levels) throws IOException {
    api.setStock(levels);
  }

  @Override
  public void orderShipped(ChannelShipment shipment) throws IOException {
    api.shipped(shipment);
  }

  @Override
  public void orderCancelled(String externalId, String reason) throws IOException {
    api.status(externalId, "cancelled");
  }
}
