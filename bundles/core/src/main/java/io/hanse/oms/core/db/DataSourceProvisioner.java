package io.hanse.oms.core.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the database from configuration or the environment and asks pax-jdbc-config for the
 * pooled XA datasource {@code hanse}. Doing this in code lets one variable, HANSE_DB_URL, switch
 * both URL and driver, which a static {@code .cfg} cannot.
 */
@Component(
    immediate = true,
    configurationPid = "io.hanse.oms.db",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public class DataSourceProvisioner {
  static final String DATASOURCE_NAME = "hanse";
  static final String DERBY_PAGE_CACHE = "derby.storage.pageCacheSize";
  static final String DERBY_PAGE_CACHE_PAGES = "8000";
  private static final Logger LOG = LoggerFactory.getLogger(DataSourceProvisioner.class);

  @Reference private ConfigurationAdmin configAdmin;

  @Activate
  @Modified
  void apply(DatabaseConfig config) throws IOException {
    Settings settings = Settings.resolve(config, System.getenv());
    if (settings.driverClass().equals("org.apache.derby.jdbc.EmbeddedDriver")) {
      // Derby's page cache holds 1,000 pages by default; under load an order batch then reads
      // pages back from disk and the cache spends its time evicting. A system-wide property, read
      // when the database boots: etc/system.properties may set another size.
      System.getProperties().putIfAbsent(DERBY_PAGE_CACHE, DERBY_PAGE_CACHE_PAGES);
    }
    Configuration ds =
        configAdmin.getFactoryConfiguration("org.ops4j.datasource", DATASOURCE_NAME, "?");
    boolean changed =
        ds.updateIfDifferent(FrameworkUtil.asDictionary(settings.datasourceProperties()));
    LOG.info(
        "Database: {} ({}){}",
        settings.url(),
        settings.driverClass(),
        changed ? "" : ", unchanged");
  }

  /** The resolved database settings; the password never appears in {@link #toString()}. */
  record Settings(String url, String user, String password, String driverClass, int poolMaxTotal) {

    static Settings resolve(DatabaseConfig config, Map<String, String> env) {
      String url = firstNonBlank(config.url(), env.get("HANSE_DB_URL"), defaultDerbyUrl());
      String user = firstNonBlank(config.user(), env.get("HANSE_DB_USER"), "");
      String password = firstNonBlank(config.password(), env.get("HANSE_DB_PASSWORD"), "");
      return new Settings(url, user, password, driverFor(url), config.poolMaxTotal());
    }

    static String driverFor(String url) {
      if (url.startsWith("jdbc:derby:")) {
        return "org.apache.derby.jdbc.EmbeddedDriver";
      }
      if (url.startsWith("jdbc:postgresql:")) {
        return "org.postgresql.Driver";
      }
      throw new IllegalArgumentException(
          "unsupported database URL (use jdbc:derby: or jdbc:postgresql:): " + url);
    }

    Map<String, Object> datasourceProperties() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("dataSourceName", DATASOURCE_NAME);
      p.put("osgi.jdbc.driver.class", driverClass);
      p.put("url", tuned(url));
      if (!user.isEmpty()) {
        p.put("user", user);
      }
      if (!password.isEmpty()) {
        p.put("password", password);
      }
      p.put("xa", "true");
      p.put("pool", "dbcp2");
      p.put("pool.maxTotal", String.valueOf(poolMaxTotal));
      p.put("pool.maxIdle", String.valueOf(poolMaxTotal));
      p.put("pool.minIdle", "2");
      p.put("pool.maxWaitMillis", "10000");
      return p;
    }

    /**
     * PostgreSQL gets batched inserts rewritten into multi-row INSERTs (one statement for an
     * order's lines, reservations, movements and events each) unless the URL says otherwise.
     */
    static String tuned(String url) {
      if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts")) {
        return url;
      }
      return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static String defaultDerbyUrl() {
      String data = System.getProperty("karaf.data", "data");
      return "jdbc:derby:" + Path.of(data, "hanse", "derby").toAbsolutePath() + ";create=true";
    }

    private static String firstNonBlank(String... values) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          return v.trim();
        }
      }
      return "";
    }

    @Override
    public String toString() {
      return "Settings[url=" + url + ", user=" + user + ", driver=" + driverClass + "]";
    }
  }
}
