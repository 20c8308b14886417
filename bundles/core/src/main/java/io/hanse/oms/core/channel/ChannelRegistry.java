package io.hanse.oms.core.channel;

import io.hanse.oms.api.channel.ChannelConnector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel connectors installed right now, by instance name. Connectors come and go with their
 * features; nothing here restarts when they do.
 */
@Component(service = ChannelRegistry.class)
public class ChannelRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final Map<String, ChannelConnector> connectors = new ConcurrentHashMap<>();

  /** Every bound connector, the ignored duplicates too: one takes over when its twin leaves. */
  private final java.util.Set<ChannelConnector> bound = ConcurrentHashMap.newKeySet();

  private final List<Consumer<ChannelConnector>> onAdded = new CopyOnWriteArrayList<>();

  @Reference(
      service = ChannelConnector.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  void bind(ChannelConnector connector) {
    bound.add(connector);
    String name = connector.name();
    if (name == null || !NAME.matcher(name).matches()) {
      LOG.error(
          "Channel connector {} has an invalid name '{}': use a-z, 0-9 and '-'",
          connector.connector(),
          name);
      return;
    }
    ChannelConnector earlier = connectors.putIfAbsent(name, connector);
    if (earlier != null) {
      LOG.error(
          "Two channel instances are named '{}' ({} and {}): the second is ignored",
          name,
          earlier.connector(),
          connector.connector());
      return;
    }
    if (connector.configurationProblem() != null) {
      LOG.warn(
          "Channel {} ({}) is not configured: {}",
          name,
          connector.connector(),
          connector.configurationProblem());
    } else {
      LOG.info("Channel {} ({}) is up", name, connector.connector());
    }
    onAdded.forEach(listener -> listener.accept(connector));
  }

  void unbind(ChannelConnector connector) {
    bound.remove(connector);
    if (connectors.remove(connector.name(), connector)) {
      LOG.info("Channel {} ({}) is down", connector.name(), connector.connector());
      bound.stream()
          .filter(c -> connector.name().equals(c.name()))
          .findFirst()
          .ifPresent(
              twin -> {
                bound.remove(twin);
                bind(twin);
              });
    }
  }

  /** The connector serving this instance name, or {@code null}. */
  public ChannelConnector get(String name) {
    return name == null ? null : connectors.get(name);
  }

  public Map<String, ChannelConnector> all() {
    return Map.copyOf(connectors);
  }

  /** Calls {@code listener} for every connector that comes up from now on. */
  public void whenAdded(Consumer<ChannelConnector> listener) {
    onAdded.add(listener);
  }

  public void removeListener(Consumer<ChannelConnector> listener) {
    onAdded.remove(listener);
  }
}
