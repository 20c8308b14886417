package io.hanse.oms.payment.vault;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.ComponentContext;

/** Hand-written stand-ins for the framework's objects, as small as the vault needs them. */
final class Fakes {
  private Fakes() {}

  /** A bundle with a symbolic name and manifest headers. */
  static Bundle bundle(String symbolicName, Map<String, String> headers) {
    Dictionary<String, String> dictionary = FrameworkUtil.asDictionary(headers);
    return (Bundle)
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {Bundle.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getSymbolicName" -> symbolicName;
                  case "getBundleId" -> 42L;
                  case "getHeaders" -> dictionary;
                  case "toString" -> symbolicName;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** The context of a bundle-scoped component that {@code using} asked for. */
  static ComponentContext usedBy(Bundle using) {
    return (ComponentContext)
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {ComponentContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getUsingBundle" -> using;
                  case "toString" -> "ComponentContext[" + using + "]";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
