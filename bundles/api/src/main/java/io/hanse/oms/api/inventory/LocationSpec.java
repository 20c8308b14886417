package io.hanse.oms.api.inventory;

import java.util.Set;

/**
 * A location as a caller describes it.
 *
 * @param departments the departments this location sells for: {@code web}, {@code store}, {@code
 *     catalog}; orders of a department reserve only from locations that serve it
 */
public record LocationSpec(String name, LocationType type, Set<String> departments) {}
