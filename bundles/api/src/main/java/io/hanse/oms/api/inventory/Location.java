package io.hanse.oms.api.inventory;

import java.util.Set;

/** A warehouse or store that holds stock. */
public record Location(String code, String name, LocationType type, Set<String> departments) {

  /** The departments a location may serve. */
  public static final Set<String> DEPARTMENTS = Set.of("web", "store", "catalog");
}
