package io.hanse.oms.core.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution ships demo users whose password is their name. Outside production that earns a
 * warning at every start; in production ({@code HANSE_PRODUCTION=true} or the system property
 * {@code hanse.production=true}) the server refuses to run while any of them can still log in.
 */
@Component(immediate = true)
public class DemoCredentialsGuard {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCredentialsGuard.class);
  static final Map<String, String> DEMO_USERS =
      new TreeMap<>(
          Map.of("admin", "admin", "manager", "manager", "agent", "agent", "channel", "channel"));
  private static final String REALM = "karaf";

  @Activate
  void activate(BundleContext context) {
    boolean production =
        isProduction(System.getenv("HANSE_PRODUCTION"), System.getProperty("hanse.production"));
    Thread check =
        new Thread(
            () -> {
              List<String> demo;
              try {
                if (!awaitRealm()) {
                  throw new IllegalStateException("JAAS realm " + REALM + " did not appear");
                }
                demo = activeDemoUsers(DemoCredentialsGuard::canLogIn);
              } catch (RuntimeException e) {
                if (production) {
                  // production must not run unchecked
                  refuse(context, "the demo users could not be checked: " + e);
                }
                LOG.warn("Could not check for demo users: {}", e.toString());
                return;
              }
              if (demo.isEmpty()) {
                return;
              }
              if (!production) {
                LOG.warn(
                    "Demo users {} still log in with their name as password; change"
                        + " etc/users.properties before this server faces anyone (README, Users"
                        + " and roles).",
                    demo);
                return;
              }
              refuse(
                  context,
                  "demo users "
                      + demo
                      + " still log in with their name as password. Change or remove them in"
                      + " etc/users.properties (or your JAAS realm), then start again.");
            },
            "hanse-demo-credentials-guard");
    check.setDaemon(true);
    check.start();
  }

  private static void refuse(BundleContext context, String why) {
    LOG.error("Refusing to start in production: {}", why);
    try {
      context.getBundle(0).stop();
    } catch (BundleException e) {
      LOG.error("Could not stop the server", e);
    }
  }

  static boolean isProduction(String env, String property) {
    return "true".equalsIgnoreCase(env == null ? null : env.trim())
        || "true".equalsIgnoreCase(property == null ? null : property.trim());
  }

  /** The demo users whose demo password {@code login} accepts. */
  static List<String> activeDemoUsers(BiPredicate<String, String> login) {
    List<String> active = new ArrayList<>();
    DEMO_USERS.forEach(
        (user, password) -> {
          if (login.test(user, password)) {
            active.add(user);
          }
        });
    return active;
  }

  /** Whether a JAAS login against the realm succeeds. */
  private static boolean canLogIn(String user, String password) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // JAAS loads Karaf's proxy login module through the context class loader.
    Thread.currentThread().setContextClassLoader(RolePrincipal.class.getClassLoader());
    try {
      LoginContext login =
          new LoginContext(
              REALM,
              new Subject(),
              callbacks -> {
                for (var callback : callbacks) {
                  if (callback instanceof NameCallback name) {
                    name.setName(user);
                  } else if (callback instanceof PasswordCallback pw) {
                    pw.setPassword(password.toCharArray());
                  } else {
                    throw new UnsupportedCallbackException(callback);
                  }
                }
              });
      login.login();
      login.logout();
      return true;
    } catch (LoginException e) {
      return false;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Whether Karaf's realm is there, waiting up to 30 s for it (it may register after us). */
  private static boolean awaitRealm() {
    for (int i = 0; i < 60; i++) {
      if (Configuration.getConfiguration().getAppConfigurationEntry(REALM) != null) {
        return true;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
