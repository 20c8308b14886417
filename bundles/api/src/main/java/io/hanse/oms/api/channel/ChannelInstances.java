package io.hanse.oms.api.channel;

import io.hanse.oms.api.inventory.Location;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every connector reads the same way from its factory configuration. */
public final class ChannelInstances {
  private ChannelInstances() {}

  /**
   * The instance name: as configured, else what follows {@code <factoryPid>-} in the file name
   * ({@code etc/io.hanse.oms.channel.shopify-my-shop.cfg} is {@code my-shop}) or {@code ~} in the
   * configuration's PID.
   */
  public static String name(String configured, Map<String, Object> properties, String factoryPid) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    Object file = properties.get("felix.fileinstall.filename");
    if (file != null) {
      String path =
          file.toString().startsWith("file:")
              ? URI.create(file.toString()).getPath()
              : file.toString();
      String base = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.cfg$", "");
      if (base.startsWith(factoryPid + "-")) {
        return base.substring(factoryPid.length() + 1);
      }
    }
    Object pid = properties.get("service.pid");
    if (pid != null && pid.toString().contains("~")) {
      return pid.toString().substring(pid.toString().indexOf('~') + 1);
    }
    return factoryPid.substring(factoryPid.lastIndexOf('.') + 1);
  }

  /** Required keys and their values, in the order given: {@code required("a", a, "b", b)}. */
  public static Map<String, String> required(String... keysAndValues) {
    Map<String, String> required = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      required.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return required;
  }

  /** Departments from configuration: {@code "web, store"} arrives as one string, so split it. */
  public static Set<String> departments(String[] values) {
    Set<String> departments = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          departments.add(part.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return departments;
  }

  /** What is wrong with configured departments, or {@code null}. */
  public static String departmentsProblem(Set<String> departments) {
    if (departments.isEmpty() || !Location.DEPARTMENTS.containsAll(departments)) {
      return "departments must be some of " + Location.DEPARTMENTS + ", not " + departments;
    }
    return null;
  }
}
