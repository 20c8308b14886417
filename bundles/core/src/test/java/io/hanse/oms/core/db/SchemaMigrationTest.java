package io.hanse.oms.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** The core's changelog, as the tests' class path holds it. */
  private static final ClassLoaderResourceAccessor CORE =
      new ClassLoaderResourceAccessor(SchemaMigrationTest.class.getClassLoader());

  /** A new in-memory Derby database of its own. */
  private static String newDatabase(String name) {
    return "jdbc:derby:memory:" + name + DATABASES.incrementAndGet() + ";create=true";
  }

  /** The opening of a changelog, for the ones the tests write. */
  private static final String HEADER =
      "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
          + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.6.xsd\">";

  /** Records what the migration did, against a real in-memory Derby; fails the first attempts. */
  static final class RecordingSteps implements SchemaMigration.Steps {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<SchemaMigrator.Outcome> outcomes = new CopyOnWriteArrayList<>();
    final String url;
    final CountDownLatch announced = new CountDownLatch(1);
    final AtomicInteger failuresLeft;

    RecordingSteps(int failures) {
      this(failures, newDatabase("migration"));
    }

    RecordingSteps(int failures, String url) {
      this.failuresLeft = new AtomicInteger(failures);
      this.url = url;
    }

    @Override
    public Connection connect() throws SQLException {
      if (failuresLeft.getAndDecrement() > 0) {
        events.add("refused");
        throw new SQLException("Connection refused", "08001");
      }
      events.add("connect");
      return DriverManager.getConnection(url);
    }

    @Override
    public void connected() {
      events.add("connected");
    }

    @Override
    public void migrate(Connection connection) throws Exception {
      outcomes.add(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG));
      events.add("migrated");
    }

    @Override
    public AutoCloseable migrated() {
      events.add("announced");
      announced.countDown();
      return () -> events.add("withdrawn");
    }

    /** Starts a migration with these steps and waits until it announces the schema. */
    SchemaMigration startAnnounced() throws InterruptedException {
      SchemaMigration migration = new SchemaMigration(url, this);
      migration.start();
      assertThat(announced.await(60, TimeUnit.SECONDS)).as("announced").isTrue();
      return migration;
    }

    int changeSets() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
        rs.next();
        return rs.getInt(1);
      }
    }

    int tables() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          var rs = c.getMetaData().getTables(null, null, "OMS_ORDER", null)) {
        return rs.next() ? 1 : 0;
      }
    }
  }

  @Test
  void aDatabaseThatDoesNotAnswerYetIsTriedAgainThenMigratedAndAnnouncedOnce() throws Exception {
    RecordingSteps steps = new RecordingSteps(3);
    SchemaMigration migration = steps.startAnnounced();

    assertThat(migration.awaitEnd(5_000)).isTrue();
    assertThat(steps.events)
        .containsExactly(
            "refused", "refused", "refused", "connect", "connected", "migrated", "announced");
    assertThat(steps.tables()).isEqualTo(1);

    migration.cancel();
    assertThat(steps.events).endsWith("announced", "withdrawn");
  }

  @Test
  void anUpToDateSchemaIsCheckedOnceAndAnnounced() throws Exception {
    RecordingSteps first = new RecordingSteps(0);
    SchemaMigration migration = first.startAnnounced();

    int applied = first.changeSets();

    RecordingSteps restart = new RecordingSteps(0, first.url);
    SchemaMigration again = restart.startAnnounced();

    assertThat(restart.events).containsExactly("connect", "connected", "migrated", "announced");
    assertThat(restart.changeSets()).isEqualTo(applied).isPositive();
    assertThat(restart.outcomes).containsExactly(SchemaMigrator.Outcome.APPLIED_BEFORE);
    migration.cancel();
    again.cancel();
  }

  @Test
  void aChangelogAppliedBeforeIsNotHandedToLiquibaseAgainUnlessItsTextChanged(@TempDir Path dir)
      throws Exception {
    String url = newDatabase("applied");
    var plugin = new DirectoryResourceAccessor(dir);
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .isEqualTo(SchemaMigrator.Outcome.APPLIED_BEFORE);

      Files.writeString(dir.resolve("plugin.xml"), changelog("a"));
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.APPLIED_BEFORE);

      // a new release of the plugin: one changeset more
      Files.writeString(dir.resolve("plugin.xml"), changelog("a", "b"));
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.APPLIED_BEFORE);
      assertThat(rows(url, "SELECT COUNT(*) FROM probe_b")).isZero();
      assertThat(rows(url, "SELECT COUNT(*) FROM oms_schema_applied")).isEqualTo(3);

      // an operator rolls the last changeset back with Liquibase: same text, work to do
      execute(url, "DROP TABLE probe_b", "DELETE FROM DATABASECHANGELOG WHERE ID = 'b'");
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(rows(url, "SELECT COUNT(*) FROM probe_b")).isZero();
      assertThat(SchemaMigrator.migrate(connection, plugin, "plugin.xml"))
          .isEqualTo(SchemaMigrator.Outcome.APPLIED_BEFORE);
      // closing the connection (Derby) fails if a check left a transaction open
    }
  }

  @Test
  void aNewDerbyDatabaseWithAUserWhoseSchemaDoesNotExistYetIsMigrated() throws Exception {
    String url = newDatabase("user") + ";user=shop";
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .isEqualTo(SchemaMigrator.Outcome.APPLIED_BEFORE);
    }
  }

  @Test
  void onlyAChangelogWhoseTextIsAllItAppliesHasADigest() {
    assertThat(AppliedChangelogs.digest(bytes(changelog("a")))).hasSize(64);
    for (String notSelfContained :
        new String[] {
          HEADER + "<include file=\"part.xml\"/></databaseChangeLog>",
          HEADER + "<includeAll path=\"db/parts/\"/></databaseChangeLog>",
          HEADER + "<changeSet id=\"x\" author=\"a\"><sqlFile path=\"x.sql\"/></changeSet>",
          "databaseChangeLog:\n  - include:\n      file: part.yaml\n",
          "databaseChangeLog:\n  - include:\n      'file': part.yaml\n",
          "{\"databaseChangeLog\": [{\"include\": {\"file\": \"part.json\"}}]}",
          HEADER + "<changeSet id=\"x\" author=\"a\" runOnChange=\"true\"/></databaseChangeLog>",
          HEADER + "<changeSet id=\"x\" author=\"a\" runAlways=\"true\"/></databaseChangeLog>",
          HEADER + "<changeSet id=\"x\" author=\"a\" failOnError=\"false\"/></databaseChangeLog>",
          HEADER
              + "<changeSet id=\"x\" author=\"a\"><preConditions onFail=\"CONTINUE\"/>"
              + "</changeSet></databaseChangeLog>",
          HEADER + "<changeSet id=\"x\" author=\"a\"><sql>${ddl}</sql></changeSet>",
        }) {
      assertThat(AppliedChangelogs.digest(bytes(notSelfContained))).as(notSelfContained).isNull();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        var statement = c.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
  }

  @Test
  void aChangelogThatIncludesOtherFilesIsAlwaysHandedToLiquibase(@TempDir Path dir)
      throws Exception {
    String url = newDatabase("includes");
    var plugin = new DirectoryResourceAccessor(dir);
    Files.writeString(dir.resolve("part.xml"), changelog("a"));
    Files.writeString(
        dir.resolve("master.xml"),
        HEADER
            + "<include file=\"part.xml\" relativeToChangelogFile=\"true\"/>"
            + "</databaseChangeLog>");
    try (Connection connection = DriverManager.getConnection(url)) {
      SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG);
      assertThat(SchemaMigrator.migrate(connection, plugin, "master.xml"))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);

      // the included file changes, the master does not: Liquibase must see it
      Files.writeString(dir.resolve("part.xml"), changelog("a", "b"));
      assertThat(SchemaMigrator.migrate(connection, plugin, "master.xml"))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(rows(url, "SELECT COUNT(*) FROM probe_b")).isZero();
    }
  }

  /** A changelog creating one table per name. */
  private static String changelog(String... tables) {
    StringBuilder xml = new StringBuilder(HEADER);
    for (String table : tables) {
      xml.append("<changeSet id=\"")
          .append(table)
          .append("\" author=\"test\"><sql>CREATE TABLE probe_")
          .append(table)
          .append(" (id INT PRIMARY KEY)</sql></changeSet>");
    }
    return xml.append("</databaseChangeLog>").toString();
  }

  /** Counts over a connection of its own, so the migration's must close by itself. */
  private static int rows(String url, String countQuery) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        var rs = c.createStatement().executeQuery(countQuery)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aMigrationThatFailsOnAHeldLockLeavesNoTransactionOpenSoItsConnectionCloses()
      throws Exception {
    String url = newDatabase("locked");
    try (Connection setup = DriverManager.getConnection(url)) {
      SchemaMigrator.migrate(setup, CORE, "db/test/probe-changelog.xml");
      // another node died while migrating: its lock stays
      setup
          .createStatement()
          .executeUpdate(
              "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE,"
                  + " LOCKGRANTED = CURRENT_TIMESTAMP, LOCKEDBY = 'gone'");
      setup.commit();
    }
    System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
    try {
      Connection connection = DriverManager.getConnection(url);
      assertThatThrownBy(() -> SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .hasMessageContaining("lock");
      connection.close(); // Derby: "Cannot close a connection while a transaction is still active"
      assertThat(connection.isClosed()).isTrue();
    } finally {
      System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
    }
  }

  @Test
  void pluginsMigratingAtOnceEachGetTheirSchemaAndLeaveTheLockFree(@TempDir Path dir)
      throws Exception {
    String url = newDatabase("together");
    try (Connection setup = DriverManager.getConnection(url)) {
      SchemaMigrator.migrate(setup, CORE, SchemaMigrator.CHANGELOG);
    }
    int plugins = 4;
    for (int p = 0; p < plugins; p++) {
      Files.writeString(
          dir.resolve("plugin" + p + ".xml"),
          changelog("p" + p + "a", "p" + p + "b", "p" + p + "c"));
    }
    var resources = new DirectoryResourceAccessor(dir);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(plugins);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<java.util.concurrent.Future<SchemaMigrator.Outcome>> runs = new java.util.ArrayList<>();
      for (int p = 0; p < plugins; p++) {
        String changelog = "plugin" + p + ".xml";
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  try (Connection c = DriverManager.getConnection(url)) {
                    return SchemaMigrator.migrate(c, resources, changelog);
                  }
                }));
      }
      go.countDown();
      for (var run : runs) {
        // a lock left taken makes the others wait five minutes, then fail
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(SchemaMigrator.Outcome.UPDATED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows(url, "SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED")).isZero();
    for (int p = 0; p < plugins; p++) {
      assertThat(rows(url, "SELECT COUNT(*) FROM probe_p" + p + "c")).isZero();
    }
  }

  @Test
  void theLatestSchemaChangesRollBackAndApplyAgain() throws Exception {
    String url = newDatabase("rollback");
    try (Connection connection = DriverManager.getConnection(url)) {
      SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG);
      var database =
          liquibase.database.DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(
                  new liquibase.database.jvm.JdbcConnection(connection));
      @SuppressWarnings("deprecation")
      var liquibase = new liquibase.Liquibase(SchemaMigrator.CHANGELOG, CORE, database);
      liquibase.rollback(5, (String) null); // the two 021, 020, 019 and 018
      assertThat(keyColumns(connection)).containsExactly("PRINCIPAL", "IDEM_KEY");
      assertThat(foreignKeys(connection, "OMS_ORDER_LINE")).containsExactly("FK_ORDER_LINE_ORDER");

      // the record of the text applied still counts the changesets rolled back: Liquibase again
      assertThat(SchemaMigrator.migrate(connection, CORE, SchemaMigrator.CHANGELOG))
          .isEqualTo(SchemaMigrator.Outcome.UPDATED);
      assertThat(keyColumns(connection)).containsExactly("IDEM_KEY", "PRINCIPAL");
      assertThat(foreignKeys(connection, "OMS_ORDER_LINE")).isEmpty();
      connection.rollback(); // Liquibase left auto-commit off, and the metadata read began one
    }
  }

  /** The names of a table's foreign keys. */
  private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    try (var rs = connection.getMetaData().getImportedKeys(null, null, table)) {
      while (rs.next()) {
        names.add(rs.getString("FK_NAME"));
      }
    }
    return names;
  }

  /** The idempotency key's primary key columns, in their order. */
  private static List<String> keyColumns(Connection connection) throws SQLException {
    java.util.SortedMap<Short, String> columns = new java.util.TreeMap<>();
    try (var rs = connection.getMetaData().getPrimaryKeys(null, null, "OMS_IDEMPOTENCY_KEY")) {
      while (rs.next()) {
        columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(columns.values());
  }

  @Test
  void aCancelledMigrationStopsRetryingAndAnnouncesNothing() throws Exception {
    RecordingSteps steps = new RecordingSteps(Integer.MAX_VALUE);
    SchemaMigration migration = new SchemaMigration(steps.url, steps);
    migration.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (steps.events.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(steps.events).hasSizeGreaterThanOrEqualTo(3);

    migration.cancel();

    assertThat(migration.awaitEnd(5_000)).isTrue();
    assertThat(steps.events).containsOnly("refused");
    assertThat(steps.announced.getCount()).isEqualTo(1);
  }
}
