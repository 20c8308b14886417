package io.hanse.oms.core.db;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's schema brought up to date on a thread of its own, over a connection of its own.
 *
 * <p>Why a thread: the pooled datasource's appearance otherwise starts one serial chain on the
 * configuration thread — Hibernate builds its metadata (2–3 s on two cores), then Liquibase runs
 * (3–4 s on a new database). Here Liquibase starts as soon as the database is chosen and runs while
 * Hibernate boots. Why retries: a database that does not answer yet (PostgreSQL started after the
 * server) is tried again with backoff instead of leaving the core down until a restart.
 *
 * <p>Order of events for one database: connect (which creates an embedded Derby database), then
 * {@link Steps#connected()} — the provisioner publishes the pooled datasource only now, so that two
 * threads never create the same Derby database — then migrate, then {@link Steps#migrated()}, which
 * announces the schema. A cancelled migration (reconfigured or stopped) announces nothing, and what
 * it announced is withdrawn.
 */
final class SchemaMigration {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  /** Retries within the first seconds (the driver's bundle still starting) are not worth a WARN. */
  private static final int QUIET_ATTEMPTS = 5;

  /** What the migration does; each step may throw, and is then tried again from the start. */
  interface Steps {
    Connection connect() throws Exception;

    /** Once, after the first successful connection. */
    void connected();

    void migrate(Connection connection) throws Exception;

    /** The schema is up to date: announce it; closing the result withdraws the announcement. */
    AutoCloseable migrated();
  }

  private final String database;
  private final Steps steps;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final Thread thread;
  private boolean announcedConnection;
  private String lastFailure;
  private AutoCloseable announcement; // guarded by this

  SchemaMigration(String database, Steps steps) {
    this.database = database;
    this.steps = steps;
    this.thread = new Thread(this::run, "hanse-schema-migration");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Stops retrying, withdraws the announcement; a migration under way finishes unannounced. */
  void cancel() {
    AutoCloseable withdrawn;
    synchronized (this) {
      cancelled.countDown();
      withdrawn = announcement;
      announcement = null;
    }
    close(withdrawn);
  }

  /** Waits for the thread: a migration under way is not cut off by a stopping server. */
  boolean awaitEnd(long millis) throws InterruptedException {
    thread.join(millis);
    return !thread.isAlive();
  }

  boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  private void run() {
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; !isCancelled(); attempt++) {
      try {
        attemptOnce();
        return;
      } catch (Exception e) {
        if (isCancelled()) {
          return;
        }
        if (attempt >= QUIET_ATTEMPTS) {
          // The whole trace once per kind of failure; a database that stays down is one line.
          boolean same = e.toString().equals(lastFailure);
          lastFailure = e.toString();
          LOG.warn(
              "Schema of {} not migrated yet (attempt {}); the core waits for it. Trying again in"
                  + " {} ms: {}",
              database,
              attempt,
              backoff,
              lastFailure,
              same ? null : e);
        } else {
          LOG.debug("Schema of {}: attempt {} failed", database, attempt, e);
        }
      }
      try {
        if (cancelled.await(backoff, TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  private void attemptOnce() throws Exception {
    try (Connection connection = steps.connect()) {
      if (!announcedConnection) {
        if (isCancelled()) {
          return;
        }
        steps.connected();
        announcedConnection = true; // only now: a failure to publish is tried again
      }
      steps.migrate(connection);
    }
    if (isCancelled()) {
      return;
    }
    AutoCloseable made = steps.migrated();
    synchronized (this) {
      if (!isCancelled()) {
        announcement = made;
        return;
      }
    }
    close(made); // cancelled while announcing
  }

  private static void close(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.debug("withdrawing the schema announcement", e);
    }
  }
}
