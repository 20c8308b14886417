package io.hanse.oms.payment.vault;

import io.hanse.oms.api.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The vault's configuration, {@code etc/io.hanse.oms.payment.vault.cfg}: opens the {@link Vault}
 * and registers it for the bundle's two services. Registered by hand, not by DS, so that the
 * configuration (the keystore password) does not become service properties every bundle can read.
 */
@Component(
    service = {},
    configurationPid = VaultInstance.PID)
@Designate(ocd = VaultConfig.class)
public class VaultInstance {
  static final String PID = "io.hanse.oms.payment.vault";

  private final Vault vault;
  private final ServiceRegistration<Vault> registration;

  @Activate
  public VaultInstance(@Reference Database database, BundleContext context, VaultConfig config) {
    this.vault =
        new Vault(
            database,
            context.getBundle(),
            VaultSettings.of(config, System::getenv, System::getProperty),
            Clock.systemUTC(),
            new SecureRandom());
    try {
      this.registration = context.registerService(Vault.class, vault, null);
    } catch (RuntimeException e) {
      vault.close();
      throw e;
    }
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
    vault.close();
  }
}
