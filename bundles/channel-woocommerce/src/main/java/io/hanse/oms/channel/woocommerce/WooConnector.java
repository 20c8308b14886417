package io.hanse.oms.channel.woocommerce;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WooCommerce site. Orders arrive as signed webhooks (order.created, order.updated); stock,
 * shipment notes and order status go back through the REST API v3. Registered by {@link
 * WooInstance}.
 */
final class WooConnector implements ChannelConnector {
  private static final Logger LOG = LoggerFactory.getLogger(WooConnector.class);

  private final String name;
  private final String secret;
  private final Set<String> departments;
  private final String problem;
  private final WooApi api;

  WooConnector(WooConfig config, Map<String, Object> properties) {
    this.name = ChannelInstances.name(config.name(), properties, WooInstance.FACTORY_PID);
    this.secret = config.webhookSecret();
    this.departments = ChannelInstances.departments(config.departments());
    this.problem = problem(config);
    this.api =
        problem == null
            ? new WooApi(
                config.siteUrl(),
                config.consumerKey(),
                config.consumerSecret(),
                Duration.ofMillis(Math.max(1000, config.timeoutMillis())))
            : null;
    if (problem != null) {
      LOG.warn("WooCommerce channel {} is not configured: {}", name, problem);
    }
  }

  private String problem(WooConfig config) {
    String departmentsProblem = ChannelInstances.departmentsProblem(departments);
    if (departmentsProblem != null) {
      return departmentsProblem;
    }
    List<String> missing = new ArrayList<>();
    if (config.webhookSecret().isBlank()) {
      missing.add("webhookSecret");
    }
    if (config.siteUrl().isBlank()) {
      missing.add("siteUrl");
    }
    if (config.consumerKey().isBlank()) {
      missing.add("consumerKey");
    }
    if (config.consumerSecret().isBlank()) {
      missing.add("consumerSecret");
    }
    if (!missing.isEmpty()) {
      return "set " + String.join(", ", missing);
    }
    // WooCommerce takes its keys by basic auth over HTTPS only; plain HTTP is for a local test
    // site.
    URI url;
    try {
      url = URI.create(config.siteUrl());
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
  public String name() {
    return name;
  }

  @Override
  public String connector() {
    return "woocommerce";
  }

  @Override
  public Set<String> departments() {
    return departments;
  }

  @Override
  public String configurationProblem() {
    return problem;
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
