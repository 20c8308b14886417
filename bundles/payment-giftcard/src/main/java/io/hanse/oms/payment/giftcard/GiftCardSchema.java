package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.storage.Database;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Brings the bundle's tables up to date once, before the gift card service or gateway may touch
 * them: both reference this component, so neither runs against an old schema.
 */
@Component(service = GiftCardSchema.class)
public class GiftCardSchema {
  /** Unique across bundles: Liquibase identifies a changeset by path, id and author. */
  static final String CHANGELOG = "db/giftcard-changelog.xml";

  private final Database database;

  @Activate
  public GiftCardSchema(@Reference Database database, BundleContext context) {
    this(database, context.getBundle());
  }

  GiftCardSchema(Database database, Bundle bundle) {
    database.migrate(bundle, CHANGELOG);
    this.database = database;
  }

  Database database() {
    return database;
  }
}
