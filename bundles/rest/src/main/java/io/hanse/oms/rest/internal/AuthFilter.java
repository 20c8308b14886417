package io.hanse.oms.rest.internal;

import io.hanse.oms.api.security.Roles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP basic authentication against a Karaf JAAS realm, then the role check of the matched method's
 * {@link Roles}. Successful logins are remembered briefly (by a hash of the credentials, never the
 * password) so that a busy channel does not read the realm on every request.
 */
public class AuthFilter implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);
  private static final long CACHE_MILLIS = 30_000;
  private static final int CACHE_MAX = 1_000;

  private record Login(String user, Set<String> roles, long expires) {}

  private final String realm;
  private final Map<String, Login> cache = new ConcurrentHashMap<>();

  @Context private ResourceInfo resourceInfo;

  public AuthFilter(String realm) {
    this.realm = realm;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String[] allowed = allowedRoles();
    if (allowed.length == 0) {
      return;
    }
    Login login = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (login == null) {
      request.abortWith(unauthorized());
      return;
    }
    if (Arrays.stream(allowed).noneMatch(login.roles()::contains)) {
      request.abortWith(
          Problem.response(
              403,
              "forbidden",
              "Forbidden",
              "this needs one of the roles " + String.join(", ", allowed)));
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new RoleSecurityContext(login.user(), login.roles(), secure));
  }

  private static javax.ws.rs.core.Response unauthorized() {
    javax.ws.rs.core.Response problem =
        Problem.response(401, "unauthorized", "Unauthorized", "valid credentials are required");
    return javax.ws.rs.core.Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hanse\", charset=\"UTF-8\"")
        .build();
  }

  private String[] allowedRoles() {
    return RoleLookup.allowed(resourceInfo == null ? null : resourceInfo.getResourceMethod());
  }

  private Login authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    char[] password = decoded.substring(colon + 1).toCharArray();
    String cacheKey = sha256(decoded);
    Login cached = cache.get(cacheKey);
    long now = System.currentTimeMillis();
    if (cached != null && cached.expires() > now) {
      return cached;
    }
    Login login = jaasLogin(user, password);
    if (login != null) {
      if (cache.size() >= CACHE_MAX) {
        cache.clear();
      }
      cache.put(cacheKey, login);
    }
    return login;
  }

  private Login jaasLogin(String user, char[] password) {
    Subject subject = new Subject();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // JAAS loads Karaf's proxy login module through the context class loader.
    Thread.currentThread().setContextClassLoader(RolePrincipal.class.getClassLoader());
    try {
      LoginContext context =
          new LoginContext(
              realm,
              subject,
              callbacks -> {
                for (var callback : callbacks) {
                  if (callback instanceof NameCallback name) {
                    name.setName(user);
                  } else if (callback instanceof PasswordCallback pw) {
                    pw.setPassword(password);
                  } else {
                    throw new UnsupportedCallbackException(callback);
                  }
                }
              });
      context.login();
      Set<String> roles =
          subject.getPrincipals(RolePrincipal.class).stream()
              .map(Principal::getName)
              .collect(Collectors.toUnmodifiableSet());
      return new Login(user, roles, System.currentTimeMillis() + CACHE_MILLIS);
    } catch (LoginException e) {
      LOG.debug("Login of {} refused: {}", user, e.getMessage());
      return null;
    } finally {
      Arrays.fill(password, '\0');
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The authenticated caller as JAX-RS sees it. */
  private record RoleSecurityContext(String user, Set<String> roles, boolean secure)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return BASIC_AUTH;
    }
  }
}
