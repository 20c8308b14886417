package io.hanse.oms.channel.shopify;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Shopify shop. Orders arrive as signed webhooks (orders/create, orders/paid, and cancellations
 * in any order webhook); availability, fulfilments and cancellations go back through the GraphQL
 * Admin API. Registered by {@link ShopifyInstance}.
 */
final class ShopifyConnector implements ChannelConnector {
  private static final Logger LOG = LoggerFactory.getLogger(ShopifyConnector.class);

  private final String name;
  private final String secret;
  private final Set<String> departments;
  private final boolean refundOnCancel;
  private final String problem;
  private final ShopifyAdmin admin;

  ShopifyConnector(ShopifyConfig config, Map<String, Object> properties) {
    this.name = ChannelInstances.name(config.name(), properties, ShopifyInstance.FACTORY_PID);
    this.secret = config.webhookSecret();
    this.departments = ChannelInstances.departments(config.departments());
    this.refundOnCancel = config.refundOnCancel();
    this.problem = problem(config);
    this.admin =
        problem == null
            ? new ShopifyAdmin(
                config.adminApiUrl(),
                config.accessToken(),
                config.location(),
                Duration.ofMillis(Math.max(1000, config.timeoutMillis())))
            : null;
    if (problem != null) {
      LOG.warn("Shopify channel {} is not configured: {}", name, problem);
    }
  }

  private String problem(ShopifyConfig config) {
    String departmentsProblem = ChannelInstances.departmentsProblem(departments);
    if (departmentsProblem != null) {
      return departmentsProblem;
    }
    List<String> missing = new ArrayList<>();
    if (config.webhookSecret().isBlank()) {
      missing.add("webhookSecret");
    }
    if (config.adminApiUrl().isBlank()) {
      missing.add("adminApiUrl");
    }
    if (config.accessToken().isBlank()) {
      missing.add("accessToken");
    }
    if (config.location().isBlank()) {
      missing.add("location");
    }
    if (!missing.isEmpty()) {
      return "set " + String.join(", ", missing);
    }
    String url = config.adminApiUrl();
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      return "adminApiUrl must be an http(s) URL";
    }
    return null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String connector() {
    return "shopify";
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
