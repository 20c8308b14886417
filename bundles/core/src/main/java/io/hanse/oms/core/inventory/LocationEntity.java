package io.hanse.oms.core.inventory;

import io.hanse.oms.api.inventory.Location;
import io.hanse.oms.api.inventory.LocationType;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/** A warehouse or store and the departments it sells for. */
@Entity
@Table(name = "oms_location")
public class LocationEntity {
  @Id private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private LocationType type;

  /** Comma-separated, sorted: a handful of values that are always read whole. */
  private String departments;

  protected LocationEntity() {}

  LocationEntity(String code) {
    this.code = code;
  }

  void replace(String name, LocationType type, Set<String> departments) {
    this.name = name;
    this.type = type;
    this.departments = String.join(",", new TreeSet<>(departments));
  }

  public String code() {
    return code;
  }

  public Set<String> departments() {
    return Arrays.stream(departments.split(","))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  public Location toLocation() {
    return new Location(code, name, type, departments());
  }
}
