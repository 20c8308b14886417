package io.hanse.oms.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.resource.OSGiResourceAccessor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the database from configuration or the environment, brings its schema up to date and asks
 * pax-jdbc-config for the pooled XA datasource {@code hanse}. Doing this in code lets one variable,
 * HANSE_DB_URL, switch both URL and driver, which a static {@code .cfg} cannot. The schema
 * migration runs on a thread of its own ({@link SchemaMigration}) and registers {@link
 * SchemaMigrator} when the schema is up to date.
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

  private static final long STOP_WAIT_MILLIS = 30_000;
  private Settings migrating; // guarded by this
  private SchemaMigration migration; // guarded by this
  private boolean published; // the pool's configuration is out for `migrating`; guarded by this
  private ServiceTracker<DataSourceFactory, DataSourceFactory> drivers; // guarded by this

  @Activate
  @Modified
  synchronized void apply(DatabaseConfig config, BundleContext context) {
    Settings settings = Settings.resolve(config, System.getenv());
    if (settings.driverClass().equals("org.apache.derby.jdbc.EmbeddedDriver")) {
      // Derby's page cache holds 1,000 pages by default; under load an order batch then reads
      // pages back from disk and the cache spends its time evicting. A system-wide property, read
      // when the database boots: etc/system.properties may set another size.
      System.getProperties().putIfAbsent(DERBY_PAGE_CACHE, DERBY_PAGE_CACHE_PAGES);
    }
    if (migration != null && settings.sameDatabase(migrating)) {
      // e.g. another pool size: the schema stays announced; not connected yet, connected()
      // publishes these settings
      migrating = settings;
      if (published) {
        publish(settings);
      }
      return;
    }
    stopMigration();
    migrating = settings;
    published = false;
    migration = new SchemaMigration(settings.url(), steps(context, settings));
    migration.start();
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    SchemaMigration stopped;
    synchronized (this) {
      stopped = migration;
      stopMigration();
      migrating = null;
    }
    // A server stopping in the middle of Liquibase would leave its changelog lock held.
    if (stopped != null && !stopped.awaitEnd(STOP_WAIT_MILLIS)) {
      LOG.warn(
          "The schema migration did not finish within {} s of stopping", STOP_WAIT_MILLIS / 1000);
    }
  }

  private void stopMigration() {
    if (migration != null) {
      migration.cancel();
      migration = null;
    }
    if (drivers != null) {
      drivers.close();
      drivers = null;
    }
  }

  private SchemaMigration.Steps steps(BundleContext context, Settings settings) {
    Filter filter;
    try {
      filter =
          context.createFilter(
              "(&(objectClass="
                  + DataSourceFactory.class.getName()
                  + ")("
                  + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS
                  + "="
                  + settings.driverClass()
                  + "))");
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(e);
    }
    drivers = new ServiceTracker<>(context, filter, null);
    drivers.open();
    ServiceTracker<DataSourceFactory, DataSourceFactory> tracker = drivers;
    return new SchemaMigration.Steps() {
      @Override
      public Connection connect() throws SQLException {
        DataSourceFactory factory = tracker.getService();
        if (factory == null) {
          throw new SQLException("no JDBC driver yet for " + settings.driverClass());
        }
        Properties login = new Properties();
        if (!settings.user().isEmpty()) {
          login.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
          login.setProperty("password", settings.password());
        }
        Connection connection = factory.createDriver(null).connect(settings.url(), login);
        if (connection == null) {
          throw new SQLException("the driver refused the URL " + settings.url());
        }
        return connection;
      }

      @Override
      public void connected() {
        // Only now the pool: an embedded Derby database is created by one thread, ours.
        synchronized (DataSourceProvisioner.this) {
          if (migrating != null && migrating.sameDatabase(settings)) {
            publish(migrating); // the latest settings for this database, e.g. its pool size
            published = true;
          }
        }
      }

      @Override
      public void migrate(Connection connection) throws Exception {
        SchemaMigrator.migrate(
            connection, new OSGiResourceAccessor(context.getBundle()), SchemaMigrator.CHANGELOG);
      }

      @Override
      public AutoCloseable migrated() {
        ServiceRegistration<SchemaMigrator> registration =
            context.registerService(SchemaMigrator.class, new SchemaMigrator(), null);
        return registration::unregister;
      }
    };
  }

  /** Writes the pax-jdbc configuration; pax-jdbc-config then builds (or rebuilds) the pool. */
  private void publish(Settings settings) {
    try {
      Configuration ds =
          configAdmin.getFactoryConfiguration("org.ops4j.datasource", DATASOURCE_NAME, "?");
      boolean changed =
          ds.updateIfDifferent(FrameworkUtil.asDictionary(settings.datasourceProperties()));
      LOG.info(
          "Database: {} ({}){}",
          settings.url(),
          settings.driverClass(),
          changed ? "" : ", unchanged");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resolved database settings; the password never appears in {@link #toString()}. */
  public record Settings(
      String url,
      String user,
      String password,
      String driverClass,
      int poolMaxTotal,
      boolean postgresCustomPlans,
      String postgresRandomPageCost) {

    static Settings resolve(DatabaseConfig config, Map<String, String> env) {
      String url = firstNonBlank(config.url(), env.get("HANSE_DB_URL"), defaultDerbyUrl());
      String user = firstNonBlank(config.user(), env.get("HANSE_DB_USER"), "");
      String password = firstNonBlank(config.password(), env.get("HANSE_DB_PASSWORD"), "");
      return new Settings(
          url,
          user,
          password,
          driverFor(url),
          config.poolMaxTotal(),
          config.postgresCustomPlans(),
          randomPageCost(config.postgresRandomPageCost()));
    }

    /** A positive number, or empty; anything else would end up in every connection's options. */
    static String randomPageCost(String value) {
      String v = value == null ? "" : value.trim();
      if (!v.isEmpty() && !v.matches("\\d{1,4}(\\.\\d{1,4})?")) {
        throw new IllegalArgumentException(
            "postgresRandomPageCost must be a number such as 1.1, or empty: " + value);
      }
      return v;
    }

    /** Same database and login: its schema is the one already migrated. */
    boolean sameDatabase(Settings other) {
      return other != null
          && url.equals(other.url)
          && user.equals(other.user)
          && Objects.equals(password, other.password);
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
      p.put("url", tuned(url, postgresCustomPlans, postgresRandomPageCost));
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
     * The planner's cost of a page read out of order that PostgreSQL connections get by default.
     */
    public static final String RANDOM_PAGE_COST = "1.1";

    /**
     * PostgreSQL connections get these settings unless the URL chooses them itself:
     *
     * <ul>
     *   <li>batched inserts rewritten into multi-row INSERTs (one statement for an order's lines,
     *       reservations, movements and events each);
     *   <li>with {@code customPlans}, {@code plan_cache_mode=force_custom_plan} added to the
     *       connection's {@code options}: every execution of a prepared statement is planned for
     *       its parameters and the tables as they are now. PostgreSQL otherwise switches a
     *       statement to a generic plan after five executions and keeps it for the life of the
     *       pooled connection; made while a table was small, it is a sequential scan, and only an
     *       ANALYZE replaces it. On a new database, or one whose autovacuum is off, the intake's
     *       look-up of idempotency keys read the whole table that way (2 to 17 ms a batch, growing
     *       with every order) instead of its index (0.2 ms).
     *   <li>with {@code customPlans} and a {@code randomPageCost}, {@code random_page_cost} set to
     *       it the same way. PostgreSQL's default (4) prices a page read out of order as a disk
     *       seek; with the default, a catalog of a few thousand SKUs is small enough that the
     *       batch's stock update and look-ups scan the whole stock table (0.5 to 1 ms a batch)
     *       instead of looking up their rows by key (0.1 to 0.2 ms). 1.1 is the usual value for
     *       data in memory or on SSDs.
     * </ul>
     */
    public static String tuned(String url, boolean customPlans, String randomPageCost) {
      if (!url.startsWith("jdbc:postgresql:")) {
        return url;
      }
      String tuned = url;
      if (!url.contains("reWriteBatchedInserts")) {
        tuned += (tuned.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
      }
      List<String> settings = new ArrayList<>();
      if (customPlans && !url.contains("plan_cache_mode")) {
        settings.add("plan_cache_mode=force_custom_plan");
      }
      // behind a pooler that refuses startup options (customPlans off) none is added
      if (customPlans && !randomPageCost.isBlank() && !url.contains("random_page_cost")) {
        settings.add("random_page_cost=" + randomPageCost.trim());
      }
      for (String setting : settings) {
        // the driver URL-decodes parameters: " -c name=value"
        String option = "-c%20" + setting.replace("=", "%3D");
        Matcher options = OPTIONS.matcher(tuned);
        tuned =
            options.find()
                ? tuned.substring(0, options.end())
                    + "%20"
                    + option
                    + tuned.substring(options.end())
                : tuned + (tuned.contains("?") ? "&" : "?") + "options=" + option;
      }
      return tuned;
    }

    /** The value of a URL's {@code options} parameter, to add to. */
    private static final Pattern OPTIONS = Pattern.compile("(?<=[?&])options=[^&]*");

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
