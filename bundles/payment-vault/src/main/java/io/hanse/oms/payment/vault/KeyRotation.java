package io.hanse.oms.payment.vault;

import io.hanse.oms.api.payment.CardVault.Rotation;
import io.hanse.oms.payment.vault.CardCipher.Sealed;
import io.hanse.oms.payment.vault.CardStore.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new key version, then every card on an older one re-encrypted under it, {@value #BATCH} per
 * transaction in token order. Each batch commits on its own, so an interrupted rotation leaves
 * every card readable, and running it again finishes the work under yet another version. A card
 * that cannot be decrypted is logged and left as it is.
 */
final class KeyRotation {
  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

  private record Batch(int seen, int resealed, int unreadable, String last) {}

  private KeyRotation() {}

  static Rotation run(Vault vault) {
    int version = vault.keys().rotate();
    int resealed = 0;
    int unreadable = 0;
    String after = "";
    while (true) {
      String from = after;
      Batch batch = vault.database().inTransaction(c -> batch(vault, c, version, from));
      resealed += batch.resealed();
      unreadable += batch.unreadable();
      if (batch.seen() < BATCH) {
        break;
      }
      after = batch.last();
    }
    if (unreadable > 0) {
      LOG.warn(
          "card vault key rotated to v{}: {} cards re-encrypted, {} unreadable cards left as they"
              + " were (see the errors above)",
          version,
          resealed,
          unreadable);
    } else {
      LOG.info("card vault key rotated to v{}: {} cards re-encrypted", version, resealed);
    }
    return new Rotation(version, resealed);
  }

  private static Batch batch(Vault vault, Connection c, int version, String after)
      throws SQLException {
    List<Row> rows = CardStore.olderThan(c, version, after, BATCH);
    int resealed = 0;
    int unreadable = 0;
    for (Row row : rows) {
      String token = row.card().token();
      Optional<String> number = vault.cipher().open(token, row.sealed());
      if (number.isEmpty()) {
        unreadable++;
        continue;
      }
      Sealed to = vault.cipher().seal(token, number.get());
      if (CardStore.reseal(c, token, row.sealed(), to, vault.clock().instant())) {
        resealed++;
      }
    }
    String last = rows.isEmpty() ? after : rows.get(rows.size() - 1).card().token();
    return new Batch(rows.size(), resealed, unreadable, last);
  }
}
