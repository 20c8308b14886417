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
import java.util.Set;
import java.util.regex.Pattern;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelogs applied in full to one database, each by the SHA-256 of its text: table {@code
 * oms_schema_applied}, created by the core's changelog. A changelog that names other files
 * (include, sqlFile, loadData…) has no digest and is always handed to Liquibase, since its text
 * alone does not say what it applies.
 */
final class AppliedChangelogs {
  private static final Logger LOG = LoggerFactory.getLogger(AppliedChangelogs.class);

  /** An attribute or key naming another file, in XML, YAML or JSON changelogs. */
  private static final Pattern NAMES_OTHER_FILES =
      Pattern.compile("\\b(file|path)\"?\\s*[=:]", Pattern.CASE_INSENSITIVE);

  /** Derby's and PostgreSQL's "no such table": a database the core's changelog has not reached. */
  private static final Set<String> NO_TABLE = Set.of("42X05", "42P01");

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
    if (NAMES_OTHER_FILES.matcher(new String(text, StandardCharsets.UTF_8)).find()) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether this very text of the changelog was applied in full to this database. */
  boolean contains(String changelog, String digest) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM oms_schema_applied WHERE changelog = ? AND digest = ?")) {
      select.setString(1, changelog);
      select.setString(2, digest);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      if (!NO_TABLE.contains(e.getSQLState())) {
        throw e;
      }
      return false;
    } finally {
      // a read, or a failed one: PostgreSQL refuses the next statement of a failed transaction,
      // Derby refuses to close a connection inside one
      endTransaction();
    }
  }

  /** Records a changelog Liquibase has just applied in full. */
  void record(String changelog, String digest) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO oms_schema_applied (changelog, digest, applied_at)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      insert.setString(1, changelog);
      insert.setString(2, digest);
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      endTransaction();
      if (DUPLICATE_KEY.equals(e.getSQLState())) {
        return; // another node applied the same changelog at the same time
      }
      if (!NO_TABLE.contains(e.getSQLState())) {
        throw e;
      }
      // a changelog applied to a database without the core's tables (a test's): nothing to
      // record in, so the next start asks Liquibase again
      LOG.debug("{} not recorded: no table oms_schema_applied", changelog);
    }
  }

  private void endTransaction() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }
}
