package io.hanse.oms.core.internal;

import io.hanse.oms.api.OmsException;
import io.hanse.oms.core.db.SchemaMigrator;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;
import javax.persistence.OptimisticLockException;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one way the core writes: a JTA transaction that is retried, with bounded jittered backoff,
 * when the database reports a serialization failure, a deadlock, a lock timeout, a lost optimistic
 * lock or a unique key taken by a concurrent transaction. The work must be safe to run again, which
 * it is because a failed attempt rolls back whole.
 */
@Component(service = Transactions.class)
public final class Transactions {
  private static final int MAX_ATTEMPTS = 8;

  /**
   * SQLSTATEs worth another attempt: PostgreSQL serialization failure and deadlock, Derby lock
   * timeout and deadlock, and unique violation (a concurrent insert of the same key won).
   */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "40XL1", "40XL2", "23505");

  private final JpaTemplate jpa;

  /** The core's one transaction runner, available once the schema is migrated. */
  @Activate
  public Transactions(
      @Reference(target = "(osgi.unit.name=hanse)") JpaTemplate jpa,
      @Reference SchemaMigrator schema) {
    this(jpa);
  }

  /** A runner over any template, e.g. a resource-local one in unit tests. */
  public Transactions(JpaTemplate jpa) {
    this.jpa = jpa;
  }

  /** Work that is told which attempt it is: 1, then 2 and on after transient failures. */
  @FunctionalInterface
  public interface Attempt<R> {
    R apply(EntityManager em, int attempt);
  }

  /** Runs {@code work} in a new or the caller's transaction, retrying transient failures. */
  public <R> R write(EmFunction<R> work) {
    return write((em, attempt) -> work.apply(em));
  }

  /**
   * Runs {@code work} like {@link #write(EmFunction)}, telling it the attempt, so that a first
   * attempt may be optimistic and let a unique constraint catch the rare conflict, and a retry
   * looks before it writes.
   */
  public <R> R write(Attempt<R> work) {
    for (int attempt = 1; ; attempt++) {
      int current = attempt;
      try {
        return jpa.txExpr(
            TransactionType.Required,
            em -> {
              // Flush once, at commit: our writes never need to be seen by a query in their own
              // transaction except where the code flushes explicitly, and auto-flushing before
              // every query re-checks every managed entity each time.
              em.setFlushMode(FlushModeType.COMMIT);
              return work.apply(em, current);
            });
      } catch (RuntimeException e) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
        backoff(attempt);
      }
    }
  }

  /**
   * Runs {@code work} in a new or the caller's transaction once, without retrying: for work that
   * has a better way out of a failure than doing the same again (a batch taken one by one).
   */
  public <R> R writeOnce(EmFunction<R> work) {
    return jpa.txExpr(
        TransactionType.Required,
        em -> {
          em.setFlushMode(FlushModeType.COMMIT);
          return work.apply(em);
        });
  }

  /** Runs {@code work} read-only, joining a transaction if one is active. */
  public <R> R read(EmFunction<R> work) {
    return jpa.txExpr(TransactionType.Supports, work);
  }

  public static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OmsException) {
        return false;
      }
      if (t instanceof OptimisticLockException
          || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
        return true;
      }
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && TRANSIENT.contains(s.getSQLState())) {
            return true;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static void backoff(int attempt) {
    long ceiling = Math.min(200, 5L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", ie);
    }
  }
}
