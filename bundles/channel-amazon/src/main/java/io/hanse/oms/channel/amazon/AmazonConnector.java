package io.hanse.oms.channel.amazon;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.ConfiguredConnector;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRejectedException;
import io.hanse.oms.api.channel.WebhookRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Amazon seller account in one marketplace. Orders are polled ({@link AmazonPoller}), never
 * posted; quantities go out through the Listings Items API, shipments as shipment confirmations.
 */
final class AmazonConnector extends ConfiguredConnector {
  private static final Logger LOG = LoggerFactory.getLogger(AmazonConnector.class);

  private final AmazonApi api;

  AmazonConnector(AmazonConfig config, Map<String, Object> properties, AmazonApi api) {
    super(
        "amazon",
        ChannelInstances.name(config.name(), properties, AmazonInstance.FACTORY_PID),
        config.departments(),
        ChannelInstances.required(
            "lwaClientId", config.lwaClientId(),
            "lwaClientSecret", config.lwaClientSecret(),
            "refreshToken", config.refreshToken(),
            "endpoint", config.endpoint(),
            "marketplaceId", config.marketplaceId(),
            "sellerId", config.sellerId()),
        () ->
            config.endpoint().startsWith("https://") || config.endpoint().startsWith("http://")
                ? null
                : "endpoint must be an http(s) URL");
    this.api = api;
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
