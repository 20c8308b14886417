package io.hanse.oms.api.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every connector instance has from its configuration: its name, kind and departments, and
 * what keeps it from working (missing keys first, then the connector's own checks). Connectors
 * extend it and add their platform's calls.
 */
public abstract class ConfiguredConnector implements ChannelConnector {
  private final String name;
  private final String connector;
  private final Set<String> departments;
  private final String problem;

  /**
   * @param required configuration keys that must not be blank, in the order to name them, with
   *     their values
   * @param check the connector's own check once nothing is missing: a problem, or {@code null}
   */
  protected ConfiguredConnector(
      String connector,
      String name,
      String[] departments,
      Map<String, String> required,
      Supplier<String> check) {
    this.connector = connector;
    this.name = name;
    this.departments = ChannelInstances.departments(departments);
    this.problem = problem(this.departments, required, check);
  }

  private static String problem(
      Set<String> departments, Map<String, String> required, Supplier<String> check) {
    String departmentsProblem = ChannelInstances.departmentsProblem(departments);
    if (departmentsProblem != null) {
      return departmentsProblem;
    }
    List<String> missing = new ArrayList<>();
    required.forEach(
        (key, value) -> {
          if (value == null || value.isBlank()) {
            missing.add(key);
          }
        });
    return missing.isEmpty() ? check.get() : "set " + String.join(", ", missing);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String connector() {
    return connector;
  }

  @Override
  public final Set<String> departments() {
    return departments;
  }

  @Override
  public final String configurationProblem() {
    return problem;
  }
}
