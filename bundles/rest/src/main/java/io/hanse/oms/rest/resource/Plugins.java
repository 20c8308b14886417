package io.hanse.oms.rest.resource;

import java.util.function.Supplier;
import javax.ws.rs.ServiceUnavailableException;

/** Services of plugins that come and go: an API route of a missing plugin answers 503. */
public final class Plugins {
  private Plugins() {}

  static <T> T require(Supplier<T> service, String feature) {
    T s = service.get();
    if (s == null) {
      throw new ServiceUnavailableException(
          "this needs the " + feature + " feature, which is not installed", 30L);
    }
    return s;
  }
}
