package io.hanse.oms.core.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * The locations and the departments they serve, read at most every few seconds: every order needs
 * them and they change a few times a year. A change made on this node is seen at once, one made on
 * another node within {@link #MAX_AGE_NANOS}.
 */
final class LocationDirectory {
  static final long MAX_AGE_NANOS = 5_000_000_000L;

  private record Snapshot(Map<String, Set<String>> departmentsByLocation, long readAt) {}

  private static volatile Snapshot snapshot;

  private LocationDirectory() {}

  /** Codes of the locations serving a department (all for {@code null}), in code order. */
  static List<String> serving(EntityManager em, String department) {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.readAt() > MAX_AGE_NANOS) {
      Map<String, Set<String>> fresh =
          em
              .createQuery("select l from LocationEntity l order by l.code", LocationEntity.class)
              .getResultList()
              .stream()
              .collect(
                  Collectors.toMap(
                      LocationEntity::code,
                      LocationEntity::departments,
                      (a, b) -> a,
                      java.util.TreeMap::new));
      s = new Snapshot(fresh, System.nanoTime());
      snapshot = s;
    }
    return s.departmentsByLocation().entrySet().stream()
        .filter(e -> department == null || e.getValue().contains(department))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Forgets the snapshot after a location changed on this node. */
  static void changed() {
    snapshot = null;
  }
}
