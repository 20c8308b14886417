package io.hanse.oms.core.channel;

import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.channel.ChannelAdmin;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelStatus;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.core.internal.Transactions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What operators see of the installed channels, and the full resync. */
@Component(service = ChannelAdmin.class)
public class ChannelAdminImpl implements ChannelAdmin {
  private final Transactions tx;
  private final ChannelRegistry registry;
  private final AvailabilityPublisher availability;
  private final ChannelNotices notices;

  @Activate
  public ChannelAdminImpl(
      @Reference Transactions tx,
      @Reference ChannelRegistry registry,
      @Reference AvailabilityPublisher availability,
      @Reference ChannelNotices notices) {
    this.tx = tx;
    this.registry = registry;
    this.availability = availability;
    this.notices = notices;
  }

  @Override
  public List<ChannelStatus> channels() {
    Map<String, Long> pending = notices.pending();
    Map<String, Map<InboxOutcome, Long>> inbox = inboxCounts();
    return new TreeMap<>(registry.all())
        .values().stream().map(c -> status(c, pending, inbox)).toList();
  }

  @Override
  public ChannelStatus status(String name) {
    ChannelConnector connector = require(name);
    return status(connector, notices.pending(), inboxCounts());
  }

  @Override
  public int resync(String name) {
    require(name);
    return availability.resync(name);
  }

  private ChannelConnector require(String name) {
    ChannelConnector connector = registry.get(name);
    if (connector == null) {
      throw new NotFoundException("channel", name);
    }
    return connector;
  }

  private ChannelStatus status(
      ChannelConnector c, Map<String, Long> pending, Map<String, Map<InboxOutcome, Long>> inbox) {
    ChannelPushState push = availability.state(c.name());
    return new ChannelStatus(
        c.name(),
        c.connector(),
        c.departments(),
        c.configurationProblem(),
        push.pending(),
        push.pushed(),
        push.pushedAt(),
        push.lastError(),
        push.failures(),
        pending.getOrDefault(c.name(), 0L),
        inbox.getOrDefault(c.name(), Map.of()));
  }

  private Map<String, Map<InboxOutcome, Long>> inboxCounts() {
    return tx.read(
        em -> {
          Map<String, Map<InboxOutcome, Long>> counts = new TreeMap<>();
          em.createQuery(
                  "select e.channel, e.outcome, count(e) from InboxEntryEntity e"
                      + " group by e.channel, e.outcome",
                  Object[].class)
              .getResultList()
              .forEach(
                  row ->
                      counts
                          .computeIfAbsent((String) row[0], k -> new EnumMap<>(InboxOutcome.class))
                          .put((InboxOutcome) row[1], (Long) row[2]));
          return counts;
        });
  }
}
