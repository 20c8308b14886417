package io.hanse.oms.channel.pos;

import io.hanse.oms.api.channel.Availability;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelInstances;
import io.hanse.oms.api.channel.ChannelShipment;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store's POS terminals. Sales and returns are recorded at the store's location at once; the
 * terminals look stock up themselves (in other stores too) through {@code GET
 * /api/v1/stock/{sku}?department=store}, so nothing is pushed to them.
 */
final class PosConnector implements ChannelConnector {
  private static final Logger LOG = LoggerFactory.getLogger(PosConnector.class);

  private final String name;
  private final String secret;
  private final String location;
  private final Set<String> departments;
  private final String problem;

  PosConnector(PosConfig config, Map<String, Object> properties) {
    this.name = ChannelInstances.name(config.name(), properties, PosInstance.FACTORY_PID);
    this.secret = config.terminalSecret();
    this.location = config.location().trim();
    this.departments = ChannelInstances.departments(config.departments());
    this.problem = problem();
    if (problem != null) {
      LOG.warn("POS channel {} is not configured: {}", name, problem);
    }
  }

  private String problem() {
    String departmentsProblem = ChannelInstances.departmentsProblem(departments);
    if (departmentsProblem != null) {
      return departmentsProblem;
    }
    List<String> missing = new ArrayList<>();
    if (secret.isBlank()) {
      missing.add("terminalSecret");
    }
    if (location.isEmpty()) {
      missing.add("location");
    }
    return missing.isEmpty() ? null : "set " + String.join(", ", missing);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String connector() {
    return "pos";
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
    return PosMessages.verify(request, secret);
  }

  @Override
  public List<InboundMessage> split(InboundMessage message) {
    return PosMessages.split(message);
  }

  @Override
  public ChannelAction map(InboundMessage message) {
    return PosMessages.map(message, name, location);
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
