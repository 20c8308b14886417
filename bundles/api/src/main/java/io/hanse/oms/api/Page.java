package io.hanse.oms.api;

import java.util.List;

/**
 * One page of a longer list. Pages are counted from zero; {@code hasMore} says whether a next page
 * exists, so no expensive total count is needed.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

  /** Largest page a caller may ask for. */
  public static final int MAX_SIZE = 200;

  public Page {
    items = List.copyOf(items);
  }
}
