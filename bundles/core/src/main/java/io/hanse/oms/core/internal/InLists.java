package io.hanse.oms.core.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Pads the values of an {@code in (...)} parameter to a power of two by repeating the last one. A
 * batch asks for any number of SKUs or customers; without padding every count is another SQL text,
 * which Derby compiles to a new class and both databases plan anew. Padded, a handful of texts
 * serve every batch.
 */
public final class InLists {
  private InLists() {}

  public static <T> List<T> padded(Collection<T> values) {
    List<T> list = new ArrayList<>(values);
    if (list.isEmpty()) {
      return list;
    }
    int size = Integer.highestOneBit(Math.max(4, list.size() - 1)) << 1;
    T last = list.get(list.size() - 1);
    while (list.size() < size) {
      list.add(last);
    }
    return list;
  }

  /** {@code ?, ?, ?}: the placeholders of an {@code in (...)} list of {@code count} values. */
  public static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** Binds texts to consecutive parameters from {@code first} on; returns the next index. */
  public static int bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
    int index = first;
    for (String v : values) {
      ps.setString(index++, v);
    }
    return index;
  }
}
