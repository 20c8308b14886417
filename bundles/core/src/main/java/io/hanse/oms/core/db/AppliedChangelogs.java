package io.hanse.oms.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelogs applied in full to one database, each by the SHA-256 of its text and the number of
 * its changesets Liquibase had recorded: table {@code oms_schema_applied}, created by the core's
 * changelog. Only a cache in front of Liquibase: whatever goes wrong reading or writing it, the
 * changelog goes to Liquibase.
 */
final class AppliedChangelogs {
  private static final Logger LOG = LoggerFactory.getLogger(AppliedChangelogs.class);

  /**
   * What makes a changelog's text not all it applies, so it gets no digest: another file named
   * (include, includeAll, sqlFile, loadData…, in XML, YAML or JSON), changesets meant to run again
   * (runAlways, runOnChange), preconditions or errors that may skip a changeset without failing,
   * and parameters filled in from outside.
   */
  private static final Pattern NOT_SELF_CONTAINED =
      Pattern.compile(
          "\\b(file|path)['\"]?\\s*[=:]|runAlways|runOnChange|onFail|onError|failOnError|\\$\\{",
          Pattern.CASE_INSENSITIVE);

  private static final String DUPLICATE_KEY = "23505";

  private final Connection connection;

  AppliedChangelogs(Connection connection) {
    this.connection = connection;
  }

  /** The changelog's digest, or null when its text is not all it applies. */
  static String digest(ResourceAccessor resources, String changelog) throws IOException {
    byte[] text;
    try (InputStream in = resources.getExisting(changelog).openInputStream()) {
      text = in.readAllBytes();
    }
    return digest(text);
  }

  static String digest(byte[] text) {
    if (NOT_SELF_CONTAINED.matcher(new String(text, StandardCharsets.UTF_8)).find()) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Whether this very text of the changelog was applied in full to this database, and Liquibase's
   * own table still lists as many of its changesets as then (a rollback or a deleted row there
   * means Liquibase has work to do).
   */
  boolean contains(String changelog, String digest) {
    try {
      Integer recorded = recordedChangesets(changelog, digest);
      return recorded != null && recorded == changesetsApplied(changelog);
    } catch (SQLException e) {
      // a new database (no table yet, or not even the user's schema on Derby) or a failing
      // connection: Liquibase will create what is missing, or fail and be retried
      LOG.debug("{}: no record of an earlier migration ({})", changelog, e.getMessage());
      return false;
    } finally {
      // a read, or a failed one: PostgreSQL refuses the next statement of a failed transaction,
      // Derby refuses to close a connection inside one
      endTransaction();
    }
  }

  /** Records a changelog Liquibase has just applied in full; a failure only costs a check. */
  void record(String changelog, String digest) {
    try {
      int changesets = changesetsApplied(changelog);
      int updated =
          update(
              "UPDATE oms_schema_applied SET changesets = ?, applied_at = CURRENT_TIMESTAMP"
                  + " WHERE changelog = ? AND digest = ?",
              changesets,
              changelog,
              digest);
      if (updated == 0) {
        update(
            "INSERT INTO oms_schema_applied (changesets, changelog, digest, applied_at)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
            changesets,
            changelog,
            digest);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      endTransaction();
      if (!DUPLICATE_KEY.equals(e.getSQLState())) { // else another node recorded it first
        LOG.warn(
            "{} applied, but not recorded ({}): the next start checks it with Liquibase again",
            changelog,
            e.getMessage());
      }
    }
  }

  private Integer recordedChangesets(String changelog, String digest) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT changesets FROM oms_schema_applied WHERE changelog = ? AND digest = ?")) {
      select.setString(1, changelog);
      select.setString(2, digest);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        int changesets = rows.getInt(1);
        return rows.wasNull() ? null : changesets;
      }
    }
  }

  private int changesetsApplied(String changelog) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement("SELECT COUNT(*) FROM databasechangelog WHERE filename = ?")) {
      count.setString(1, changelog);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private int update(String sql, int changesets, String changelog, String digest)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, changesets);
      statement.setString(2, changelog);
      statement.setString(3, digest);
      return statement.executeUpdate();
    }
  }

  private void endTransaction() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("rollback after the schema record failed: {}", e.getMessage());
    }
  }
}
