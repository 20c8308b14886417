package io.hanse.oms.core;

import io.hanse.oms.core.db.SchemaMigrator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The core's persistence unit on a fresh in-memory Derby database, migrated by the real changelog,
 * behind the same {@link JpaTemplate} interface the services get from Aries JPA in Karaf: the
 * services run unchanged, without OSGi, in milliseconds.
 */
public final class TestDatabase implements JpaTemplate, AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private final EntityManagerFactory emf;

  public TestDatabase() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:hanse" + COUNT.incrementAndGet());
    ds.setCreateDatabase("create");
    try {
      SchemaMigrator.migrate(ds, new ClassLoaderResourceAccessor(getClass().getClassLoader()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    ds.setCreateDatabase(null); // created and migrated: from now on just connect
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
  }
}
