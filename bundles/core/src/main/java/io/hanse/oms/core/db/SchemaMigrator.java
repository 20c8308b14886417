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
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase for the core's changelog and the plugins' ones. Registered as a service by {@link
 * DataSourceProvisioner} once the core's schema is up to date (see {@link SchemaMigration}); the
 * core's services reference it, so none of them runs against an old schema.
 */
public class SchemaMigrator {
  public static final String CHANGELOG = "db/changelog.xml";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  /**
   * One Liquibase run at a time in this server (all of them go through this class of the core).
   * Liquibase keeps per-run state in shared singletons (liquibase/liquibase#4173, #7220): two runs
   * at once, say a plugin activated by the feature installer while the core announces its schema,
   * can leave the changelog lock taken in the database, and every later run waits on it for ever.
   * Other nodes are kept out by that lock.
   */
  private static final Object LIQUIBASE = new Object();

  /** What a migration did. */
  public enum Outcome {
    /** This very changelog was applied to this database before: Liquibase was not needed. */
    APPLIED_BEFORE,
    /** Liquibase compared the changelog with the database and applied what was missing. */
    UPDATED
  }

  /** Applies every changeset not yet applied; running it again applies nothing. */
  public static Outcome migrate(DataSource dataSource, ResourceAccessor resources)
      throws Exception {
    return migrate(dataSource, resources, CHANGELOG);
  }

  /** Applies a changelog, the core's or a plugin's (see {@link JdbcDatabase}). */
  static Outcome migrate(DataSource dataSource, ResourceAccessor resources, String changelog)
      throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return migrate(connection, resources, changelog);
    }
  }

  /**
   * Applies a changelog over a connection the caller owns and closes. A changelog whose text was
   * applied in full before is not handed to Liquibase again (decision 14): on a restart that is
   * seconds of parsing and comparing for nothing.
   */
  static Outcome migrate(Connection connection, ResourceAccessor resources, String changelog)
      throws Exception {
    long start = System.nanoTime();
    AppliedChangelogs applied = new AppliedChangelogs(connection);
    String digest = AppliedChangelogs.digest(resources, changelog);
    if (digest != null && applied.contains(changelog, digest)) {
      LOG.info(
          "Schema {} up to date in {} ms (applied before, digest {})",
          changelog,
          (System.nanoTime() - start) / 1_000_000,
          digest.substring(0, 12));
      return Outcome.APPLIED_BEFORE;
    }
    update(connection, resources, changelog);
    if (digest != null) {
      applied.record(changelog, digest);
    }
    LOG.info("Schema {} up to date in {} ms", changelog, (System.nanoTime() - start) / 1_000_000);
    return Outcome.UPDATED;
  }

  private static void update(Connection connection, ResourceAccessor resources, String changelog)
      throws Exception {
    try {
      synchronized (LIQUIBASE) {
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
    } finally {
      // Liquibase commits what it applies; what may be left open is its last read (or, when it
      // failed, the rest of its work), and Derby refuses to close a connection inside a
      // transaction: the connection would leak.
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    }
  }
}
