package io.hanse.oms.payment.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultSettingsTest {
  private static final Map<String, String> KARAF = Map.of("karaf.data", "/opt/karaf/data");

  @Test
  void theDefaultsResolveKarafDataAndAllowTheBundledGateways() {
    VaultSettings settings = VaultSettings.of(config(Map.of()), name -> null, KARAF::get);

    assertThat(settings.keystore()).isEqualTo(Path.of("/opt/karaf/data/vault/hanse-vault.p12"));
    assertThat(settings.password()).isEmpty();
    assertThat(settings.cvcTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.gatewayBundles())
        .containsExactlyInAnyOrder("io.hanse.oms.payment.stripe", "io.hanse.oms.payment.simulator");
  }

  @Test
  void withoutKarafDataTheWorkingFolderIsUsed() {
    Path keystore =
        VaultSettings.keystore("${karaf.data}/vault/k.p12", Map.of("user.dir", "/srv")::get);

    assertThat(keystore).isEqualTo(Path.of("/srv/vault/k.p12"));
  }

  @Test
  void anUnknownPropertyInThePathIsAnError() {
    assertThatThrownBy(() -> VaultSettings.keystore("${nope}/k.p12", KARAF::get))
        .hasMessageContaining("nope");
  }

  @Test
  void theEnvironmentGivesThePasswordWhenTheConfigurationDoesNot() {
    Map<String, String> env = Map.of(VaultSettings.PASSWORD_ENV, "from-env");

    assertThat(VaultSettings.of(config(Map.of()), env::get, KARAF::get).password())
        .isEqualTo("from-env");
    assertThat(
            VaultSettings.of(
                    config(Map.of("keystorePassword", "from-config")), env::get, KARAF::get)
                .password())
        .isEqualTo("from-config");
  }

  @Test
  void listsAreTrimmedAndTheTimeToLiveBounded() {
    VaultSettings settings =
        VaultSettings.of(
            config(Map.of("gatewayBundles", " a.b , ,c.d ", "cvcTtlSeconds", 86_400)),
            name -> null,
            KARAF::get);

    assertThat(settings.gatewayBundles()).containsExactlyInAnyOrder("a.b", "c.d");
    assertThat(settings.cvcTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(
            VaultSettings.of(config(Map.of("cvcTtlSeconds", 0)), name -> null, KARAF::get).cvcTtl())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void toStringHidesThePassword() {
    VaultSettings settings =
        VaultSettings.of(config(Map.of("keystorePassword", "hunter2")), name -> null, KARAF::get);

    assertThat(settings.toString()).doesNotContain("hunter2").contains("password=***");
  }

  /** The configuration DS would pass: the given values, else the annotation's defaults. */
  private static VaultConfig config(Map<String, Object> values) {
    return (VaultConfig)
        Proxy.newProxyInstance(
            VaultSettingsTest.class.getClassLoader(),
            new Class<?>[] {VaultConfig.class},
            (proxy, method, args) ->
                values.containsKey(method.getName())
                    ? values.get(method.getName())
                    : method.getDefaultValue());
  }
}
