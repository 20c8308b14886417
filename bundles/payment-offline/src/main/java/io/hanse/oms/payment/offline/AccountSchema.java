package io.hanse.oms.payment.offline;

import io.hanse.oms.api.storage.Database;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the on-account tables up to date once, before the account service or gateway may touch
 * them: both reference this component, so neither runs against an old schema.
 */
@Component(service = AccountSchema.class)
public class AccountSchema {
  /** Unique across bundles: Liquibase identifies a changeset by path, id and author. */
  static final String CHANGELOG = "db/offline-changelog.xml";

  private final Database database;

  @Activate
  public AccountSchema(@Reference Database database, BundleContext context) {
    this(database, context.getBundle());
  }

  AccountSchema(Database database, Bundle bundle) {
    database.migrate(bundle, CHANGELOG);
    this.database = database;
  }

  Database database() {
    return database;
  }
}
