package io.hanse.oms.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCredentialsGuardTest {

  @Test
  void findsTheDemoUsersThatStillLogIn() {
    Map<String, String> realm = Map.of("admin", "s3cret!", "agent", "agent", "channel", "channel");
    assertThat(
            DemoCredentialsGuard.activeDemoUsers(
                (user, password) -> password.equals(realm.get(user))))
        .containsExactly("agent", "channel");
    assertThat(DemoCredentialsGuard.activeDemoUsers((user, password) -> false)).isEmpty();
  }

  @Test
  void productionIsSwitchedOnByTheEnvironmentOrASystemProperty() {
    assertThat(DemoCredentialsGuard.isProduction("true", null)).isTrue();
    assertThat(DemoCredentialsGuard.isProduction(null, "TRUE")).isTrue();
    assertThat(DemoCredentialsGuard.isProduction("false", null)).isFalse();
    assertThat(DemoCredentialsGuard.isProduction(null, null)).isFalse();
    assertThat(DemoCredentialsGuard.isProduction("yes", "")).isFalse();
  }
}
