package io.hanse.oms.channel.amazon;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Amazon seller account in one marketplace. Orders are polled ({@link AmazonPoller}), never
 * posted; quantities go out through the Listings Items API, shipments as shipment confirmations.
 */
final class AmazonConnector implements ChannelConnector {
  private static final Logger LOG = LoggerFactory.getLogger(AmazonConnector.class);

  private final String name;
  private final Set<String> departments;
  private final String problem;
  private final AmazonApi api;

  AmazonConnector(AmazonConfig config, Map<String, Object> properties, AmazonApi api) {
    this.name = ChannelInstances.name(config.name(), properties, AmazonInstance.FACTORY_PID);
    this.departments = ChannelInstances.departments(config.departments());
    this.problem = problem(config);
    this.api = api;
    if (problem != null) {
      LOG.warn("Amazon channel {} is not configured: {}", name, problem);
    }
  }

  private String problem(AmazonConfig config) {
    String departmentsProblem = ChannelInstances.departmentsProblem(departments);
    if (departmentsProblem != null) {
      return departmentsProblem;
    }
    List<String> missing = new ArrayList<>();
    if (config.lwaClientId().isBlank()) {
      missing.add("lwaClientId");
    }
    if (config.lwaClientSecret().isBlank()) {
      missing.add("lwaClientSecret");
    }
    if (config.refreshToken().isBlank()) {
      missing.add("refreshToken");
    }
    if (config.endpoint().isBlank()) {
      missing.add("endpoint");
    }
    if (config.marketplaceId().isBlank()) {
      missing.add("marketplaceId");
    }
    if (config.sellerId().isBlank()) {
      missing.add("sellerId");
    }
    if (!missing.isEmpty()) {
      return "set " + String.join(", ", missing);
    }
    if (!config.endpoint().startsWith("https://") && !config.endpoint().startsWith("http://")) {
      return "endpoint must be an http(s) URL";
    }
    return null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String connector() {
    return "amazon";
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
    throw new WebhookRejectedException("Amazon orders are polled, not posted");
  }

  @Override
  public ChannelAction map(InboundMessage message) {
    return AmazonOrders.map(message);
  }

  @Override
  public void pushAvailability(List<Availability> levels) throws IOException {
    for (Availability level : levels) {
      api.setQuantity(level.sku(), level.quantity());
    }
  }

  @Override
  public void orderShipped(ChannelShipment shipment) throws IOException {
    api.confirmShipment(shipment);
  }

  @Override
  public void orderCancelled(String externalId, String reason) throws IOException {
    String feed = api.cancelOrder(externalId);
    LOG.info("Amazon order {} cancelled by feed {} ({})", externalId, feed, reason);
  }
}
