package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.NotFoundException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.GiftCard;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.IssuedGiftCard;
import io.hanse.oms.api.storage.Database;
import io.hanse.oms.payment.giftcard.TxnLog.Earlier;
import io.hanse.oms.payment.giftcard.TxnLog.Kind;
import io.hanse.oms.payment.giftcard.TxnLog.Txn;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gift cards on the bundle's own tables. The code is shown once, in the {@link IssuedGiftCard} of
 * the first {@link #issue}; only its SHA-256 hash is kept, so it cannot be shown again: a repeated
 * issue with the same idempotency key returns the first card with a {@code null} code. A card past
 * its expiry date is expired everywhere, whether or not {@link #expire} was called.
 */
@Component(service = GiftCardService.class)
public class GiftCardServiceImpl implements GiftCardService {
  private static final Logger LOG = LoggerFactory.getLogger(GiftCardServiceImpl.class);
  private static final Set<String> PURPOSES = Set.of("gift", "store-credit");
  private static final int MAX_KEY = 255;
  private static final int DEFAULT_PAGE = 50;

  private final Database database;
  private final Clock clock;
  private final GiftCodes codes;

  @Activate
  public GiftCardServiceImpl(@Reference GiftCardSchema schema) {
    this(schema.database(), Clock.systemUTC(), new SecureRandom());
  }

  GiftCardServiceImpl(Database database, Clock clock, SecureRandom random) {
    this.database = database;
    this.clock = clock;
    this.codes = new GiftCodes(random);
  }

  @Override
  public IssuedGiftCard issue(
      Money amount, Instant expiresAt, String purpose, String idempotencyKey) {
    requirePositive(amount);
    String why = purpose == null ? "gift" : purpose;
    if (!PURPOSES.contains(why)) {
      throw new ValidationException("purpose must be gift or store-credit, not " + purpose);
    }
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new ValidationException("expiresAt must be in the future");
    }
    checkKey(idempotencyKey);
    IssuedGiftCard issued =
        database.inTransaction(
            c -> {
              Instant now = clock.instant();
              Optional<Earlier> earlier = TxnLog.find(c, idempotencyKey, Kind.ISSUE);
              if (earlier.isPresent()) {
                return new IssuedGiftCard(card(c, earlier.get().cardId()), null);
              }
              // generated inside the work: a retry after a (most unlikely) hash collision draws
              // anew
              String code = codes.generate();
              String id = TxnLog.newId();
              CardTable.insert(
                  c, id, GiftCodes.hash(code), GiftCodes.last4(code), amount, expiresAt, why, now);
              record(c, id, Kind.ISSUE, amount, idempotencyKey);
              return new IssuedGiftCard(card(c, id), GiftCodes.grouped(code));
            });
    if (issued.code() != null) {
      LOG.info("Gift card {} issued ({}) with {}", issued.card().id(), why, amount);
    }
    return issued;
  }

  @Override
  public Optional<GiftCard> findByCode(String code) {
    Optional<String> normalised = GiftCodes.normalise(code);
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    String hash = GiftCodes.hash(normalised.get());
    return database.inTransaction(c -> CardTable.findByHash(c, hash, clock.instant()));
  }

  @Override
  public GiftCard get(String id) {
    return database.inTransaction(c -> card(c, id));
  }

  @Override
  public GiftCard reload(String id, Money amount, String idempotencyKey) {
    requirePositive(amount);
    checkKey(idempotencyKey);
    GiftCard card =
        database.inTransaction(
            c -> {
              Instant now = clock.instant();
              Optional<Earlier> earlier = TxnLog.find(c, idempotencyKey, Kind.RELOAD);
              if (earlier.isPresent()) {
                return card(c, earlier.get().cardId());
              }
              GiftCard before = card(c, id);
              if (!before.balance().currency().equals(amount.currency())) {
                throw new ValidationException(
                    "gift card " + id + " is in " + before.balance().currency());
              }
              if (!CardTable.credit(c, id, amount.amount(), now)) {
                throw new ConflictException("gift card " + id + " has expired");
              }
              record(c, id, Kind.RELOAD, amount, idempotencyKey);
              return card(c, id);
            });
    LOG.info("Gift card {} reloaded with {}", id, amount);
    return card;
  }

  @Override
  public GiftCard expire(String id) {
    return database.inTransaction(
        c -> {
          Instant now = clock.instant();
          GiftCard card = card(c, id);
          Instant at =
              card.expiresAt() == null || card.expiresAt().isAfter(now) ? now : card.expiresAt();
          if (CardTable.expire(c, id, at)) {
            // the update holds the row's lock: the balance read now is the one forfeited
            record(c, id, Kind.EXPIRE, card(c, id).balance(), null);
            LOG.info("Gift card {} expired", id);
          }
          return card(c, id);
        });
  }

  @Override
  public Page<GiftCard> list(int offset, int limit) {
    int size = Math.max(1, Math.min(limit <= 0 ? DEFAULT_PAGE : limit, Page.MAX_SIZE));
    int from = Math.max(0, offset);
    List<GiftCard> rows =
        database.inTransaction(c -> CardTable.page(c, from, size + 1, clock.instant()));
    boolean more = rows.size() > size;
    return new Page<>(more ? rows.subList(0, size) : rows, from / size, size, more);
  }

  @Override
  public Money outstanding(String currency) {
    Money zero = Money.zero(currency);
    return new Money(
        database.inTransaction(c -> CardTable.outstanding(c, zero.currency(), clock.instant())),
        zero.currency());
  }

  private GiftCard card(Connection c, String id) throws SQLException {
    if (id == null) {
      throw new NotFoundException("gift card", "null");
    }
    return CardTable.find(c, id, clock.instant())
        .orElseThrow(() -> new NotFoundException("gift card", id));
  }

  private void record(Connection c, String cardId, Kind kind, Money amount, String key)
      throws SQLException {
    String id = TxnLog.newId();
    TxnLog.append(
        c,
        new Txn(id, cardId, null, kind, amount, key, GatewayResult.approved(cardId)),
        clock.instant());
  }

  private static void requirePositive(Money amount) {
    if (amount == null || amount.signum() <= 0) {
      throw new ValidationException("amount must be positive");
    }
  }

  private static void checkKey(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
      throw new ValidationException("idempotencyKey must be 1 to " + MAX_KEY + " characters");
    }
  }
}
