package io.hanse.oms.core;

import io.hanse.oms.core.db.DataSourceProvisioner;
import io.hanse.oms.core.db.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The core's persistence unit on a fresh in-memory Derby database (or a schema of its own on the
 * real PostgreSQL, {@link #postgres()}), migrated by the real changelog, behind the same {@link
 * JpaTemplate} interface the services get from Aries JPA in Karaf: the services run unchanged,
 * without OSGi, in milliseconds.
 */
public final class TestDatabase implements JpaTemplate, AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private final EntityManagerFactory emf;
  private final Runnable dropped;

  public TestDatabase() {
    this(derby(), () -> {});
  }

  private TestDatabase(DataSource ds, Runnable dropped) {
    this.dropped = dropped;
    emf =
        Persistence.createEntityManagerFactory(
            "hanse",
            Map.of(
                "javax.persistence.transactionType",
                "RESOURCE_LOCAL",
                "javax.persistence.jtaDataSource",
                ds,
                "javax.persistence.nonJtaDataSource",
                ds,
                "hibernate.connection.isolation",
                "2",
                // resource-local transactions keep their connection until after they complete
                "hibernate.connection.handling_mode",
                "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION",
                // for tests that count what a service loads
                "hibernate.generate_statistics",
                "true",
                "hibernate.session.events.log",
                "false"));
  }

  private static DataSource derby() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:hanse" + COUNT.incrementAndGet());
    ds.setCreateDatabase("create");
    migrate(ds);
    ds.setCreateDatabase(null); // created and migrated: from now on just connect
    return ds;
  }

  /**
   * The same on the real PostgreSQL ({@code hanse.it.postgres.url}, database {@code test}): a new
   * schema of its own, connected to as the server connects, and dropped on {@link #close()}.
   */
  public static TestDatabase postgres() {
    String schema = "unit_" + Long.toHexString(System.nanoTime()) + "_" + COUNT.incrementAndGet();
    String user = System.getProperty("user.name");
    execute(POSTGRES_URL, user, "create schema " + schema);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    String url =
        POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    ds.setURL(
        DataSourceProvisioner.Settings.tuned(
            url, true, DataSourceProvisioner.Settings.RANDOM_PAGE_COST));
    ds.setUser(user);
    migrate(ds);
    return new TestDatabase(
        ds, () -> execute(POSTGRES_URL, user, "drop schema " + schema + " cascade"));
  }

  private static final String POSTGRES_URL =
      System.getProperty("hanse.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private static void migrate(DataSource ds) {
    try {
      SchemaMigrator.migrate(
          ds, new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What Hibernate has done so far: queries, lazy loads of collections, … */
  public Statistics statistics() {
    return emf.unwrap(SessionFactory.class).getStatistics();
  }

  @Override
  public <R> R txExpr(TransactionType type, EmFunction<R> code) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      R result = code.apply(em);
      em.flush();
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      em.close();
    }
  }

  @Override
  public void tx(TransactionType type, EmConsumer code) {
    txExpr(
        type,
        em -> {
          code.accept(em);
          return null;
        });
  }

  @Override
  public <R> R txExpr(EmFunction<R> code) {
    return txExpr(TransactionType.Required, code);
  }

  @Override
  public void tx(EmConsumer code) {
    tx(TransactionType.Required, code);
  }

  @Override
  public void close() {
    emf.close();
    dropped.run();
  }
}
