package io.hanse.oms.core.db;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.OSGiResourceAccessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Liquibase when the datasource appears. The core's services
 * reference this component, so none of them runs against an old schema.
 */
@Component(service = SchemaMigrator.class, immediate = true)
public class SchemaMigrator {
  public static final String CHANGELOG = "db/changelog.xml";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  @Reference(target = "(osgi.jndi.service.name=hanse)")
  private DataSource dataSource;

  @Activate
  void activate(BundleContext context) throws Exception {
    migrate(dataSource, new OSGiResourceAccessor(context.getBundle()));
  }

  /** Applies every changeset not yet applied; running it again applies nothing. */
  public static void migrate(DataSource dataSource, liquibase.resource.ResourceAccessor resources)
      throws Exception {
    migrate(dataSource, resources, CHANGELOG);
  }

  /** Applies a changelog, the core's or a plugin's (see {@link JdbcDatabase}). */
  static void migrate(
      DataSource dataSource, liquibase.resource.ResourceAccessor resources, String changelog)
      throws Exception {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (database instanceof DerbyDatabase derby) {
        // Closing Liquibase must not shut down the embedded Derby the pool still uses.
        derby.setShutdownEmbeddedDerby(false);
      }
      Scope.child(
          Map.of("liquibase.analytics.enabled", false),
          () -> {
            @SuppressWarnings("deprecation")
            Liquibase liquibase = new Liquibase(changelog, resources, database);
            liquibase.update(new Contexts(), new LabelExpression());
          });
    }
    LOG.info("Schema {} up to date in {} ms", changelog, (System.nanoTime() - start) / 1_000_000);
  }
}
