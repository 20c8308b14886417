package io.hanse.oms.channel.pos;

import io.hanse.oms.api.channel.ChannelConnector;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One {@code etc/io.hanse.oms.channel.pos-<name>.cfg}: registers its store as a channel connector.
 * Registered by hand, not by DS, so that the configuration (secrets included) does not become
 * service properties every bundle can read; the service carries only its name and kind.
 */
@Component(
    service = {},
    configurationPid = PosInstance.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PosConfig.class, factory = true)
public class PosInstance {
  static final String FACTORY_PID = "io.hanse.oms.channel.pos";

  private ServiceRegistration<ChannelConnector> registration;

  @Activate
  void activate(BundleContext context, PosConfig config, Map<String, Object> properties) {
    PosConnector connector = new PosConnector(config, properties);
    Dictionary<String, Object> service = new Hashtable<>();
    service.put(ChannelConnector.NAME, connector.name());
    service.put(ChannelConnector.CONNECTOR, connector.connector());
    registration = context.registerService(ChannelConnector.class, connector, service);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
