package io.hanse.oms.channel.woocommerce;

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
 * One {@code etc/io.hanse.oms.channel.woocommerce-<name>.cfg}: registers its site as a channel
 * connector. Registered by hand, not by DS, so that the configuration (secrets included) does not
 * become service properties every bundle can read; the service carries only its name and kind.
 */
@Component(
    service = {},
    configurationPid = WooInstance.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WooConfig.class, factory = true)
public class WooInstance {
  static final String FACTORY_PID = "io.hanse.oms.channel.woocommerce";

  private ServiceRegistration<ChannelConnector> registration;

  @Activate
  void activate(BundleContext context, WooConfig config, Map<String, Object> properties) {
    WooConnector connector = new WooConnector(config, properties);
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
