package io.hanse.oms.channel.amazon;

import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelCursors;
import io.hanse.oms.api.channel.ChannelInbox;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One {@code etc/io.hanse.oms.channel.amazon-<name>.cfg}: registers the account as a channel
 * connector (by hand, so secrets do not become service properties) and polls its orders.
 */
@Component(
    service = {},
    configurationPid = AmazonInstance.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AmazonConfig.class, factory = true)
public class AmazonInstance {
  static final String FACTORY_PID = "io.hanse.oms.channel.amazon";

  @Reference private ChannelInbox inbox;
  @Reference private ChannelCursors cursors;

  private ServiceRegistration<ChannelConnector> registration;
  private ScheduledExecutorService poller;

  @Activate
  void activate(BundleContext context, AmazonConfig config, Map<String, Object> properties) {
    AmazonApi api = new AmazonApi(config, 1000);
    AmazonConnector connector = new AmazonConnector(config, properties, api);
    Dictionary<String, Object> service = new Hashtable<>();
    service.put(ChannelConnector.NAME, connector.name());
    service.put(ChannelConnector.CONNECTOR, connector.connector());
    registration = context.registerService(ChannelConnector.class, connector, service);
    if (connector.configurationProblem() == null) {
      AmazonPoller polling =
          new AmazonPoller(
              connector.name(),
              api,
              inbox,
              cursors,
              Duration.ofHours(Math.max(1, config.lookbackHours())));
      poller =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "hanse-amazon-" + connector.name());
                t.setDaemon(true);
                return t;
              });
      int every = Math.max(1, config.pollSeconds());
      poller.scheduleWithFixedDelay(polling::pollSafely, 1, every, TimeUnit.SECONDS);
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    if (poller != null) {
      poller.shutdownNow();
      poller.awaitTermination(10, TimeUnit.SECONDS);
    }
    registration.unregister();
  }
}
