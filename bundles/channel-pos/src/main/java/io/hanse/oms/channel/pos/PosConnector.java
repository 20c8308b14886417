package io.hanse.oms.channel.pos;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.ConfiguredConnector;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.List;
import java.util.Map;

/**
 * One store's POS terminals. Sales and returns are recorded at the store's location at once; the
 * terminals look stock up themselves (in other stores too) through {@code GET
 * /api/v1/stock/{sku}?department=store}, so nothing is pushed to them.
 */
final class PosConnector extends ConfiguredConnector {
  private final String secret;
  private final String location;

  PosConnector(PosConfig config, Map<String, Object> properties) {
    super(
        "pos",
        ChannelInstances.name(config.name(), properties, PosInstance.FACTORY_PID),
        config.departments(),
        ChannelInstances.required(
            "terminalSecret", config.terminalSecret(), "location", config.location()),
        () -> null);
    this.secret = config.terminalSecret();
    this.location = config.location().trim();
  }

  @Override
  public InboundMessage verify(WebhookRequest request) {
    return PosMessages.verify(request, secret);
  }

  @Override
  public List<InboundMessage> split(InboundMessage message) {
    return PosMessages.split(message);
  }

  @Override
  public ChannelAction map(InboundMessage message) {
    return PosMessages.map(message, name(), location);
  }

  @Override
  public void pushAvailability(List<Availability> levels) {
    // terminals ask for stock when they need it
  }

  @Override
  public void orderShipped(ChannelShipment shipment) {
    // a store sale is handed over at the till: nothing to tell the terminal
  }

  @Override
  public void orderCancelled(String externalId, String reason) {
    // store sales are not cancelled, they are returned
  }
}
