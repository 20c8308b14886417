package io.hanse.oms.core.channel;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.ChannelAction;
import io.hanse.oms.api.channel.ChannelConnector;
import io.hanse.oms.api.channel.ChannelInbox;
import io.hanse.oms.api.channel.ChannelUnavailableException;
import io.hanse.oms.api.channel.InboundMessage;
import io.hanse.oms.api.channel.InboxEntry;
import io.hanse.oms.api.channel.InboxOutcome;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.channel.WebhookResult;
import io.hanse.oms.api.inventory.InventoryService;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of inbound channel messages: verify, store, then act. A message is stored in its own
 * transaction before the order is placed, so a crash in between leaves it {@code RECEIVED}, and the
 * platform's redelivery (or a replay) acts on it again; the order's unique (channel, external id)
 * makes acting twice harmless.
 */
@Component(service = ChannelInbox.class, configurationPid = "io.hanse.oms.channel.inbox")
@Designate(ocd = ChannelInboxImpl.Config.class)
public class ChannelInboxImpl implements ChannelInbox {

  @ObjectClassDefinition(name = "Hanse OMS channel inbox")
  public @interface Config {
    @AttributeDefinition(
        description =
            "Days an inbound message that was acted on is kept (for support and replay) before it"
                + " is deleted; messages on hold or failed are kept until settled")
    int retentionDays() default 90;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChannelInboxImpl.class);
  static final int MAX_LIST = 500;
  static final int MAX_BATCH = 1000;

  /** How long one actor may hold an entry before another may take over (it crashed). */
  private static final Duration CLAIM = Duration.ofSeconds(60);

  /** How long a concurrent delivery waits for the actor before answering "retry later". */
  private static final long WAIT_MILLIS = 10_000;

  private static final Set<InboxOutcome> DONE =
      EnumSet.of(
          InboxOutcome.ACCEPTED,
          InboxOutcome.CANCELLED,
          InboxOutcome.RECORDED,
          InboxOutcome.UNCHANGED);

  /** The detail of a cancellation that came before its order: the order is cancelled on arrival. */
  static final String NOTHING_TO_CANCEL =
      "no order with this id was taken yet; cancelled on arrival";

  private final Transactions tx;
  private final ChannelRegistry registry;
  private final OrderService orders;
  private final InventoryService inventory;

  @Activate
  public ChannelInboxImpl(
      @Reference Transactions tx,
      @Reference ChannelRegistry registry,
      @Reference OrderService orders,
      @Reference InventoryService inventory) {
    this.tx = tx;
    this.registry = registry;
    this.orders = orders;
    this.inventory = inventory;
  }

  private ScheduledExecutorService sweeper;
  private volatile Duration retention = Duration.ofDays(90);
  private volatile long lastPrune;

  @Modified
  void configure(Config config) {
    retention = Duration.ofDays(Math.max(1, config.retentionDays()));
  }

  @Activate
  void startSweeping(Config config) {
    configure(config);
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hanse-channel-inbox-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweepSafely, 30, 30, TimeUnit.SECONDS);
  }

  @Deactivate
  void stopSweeping() throws InterruptedException {
    sweeper.shutdownNow();
    sweeper.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void sweepSafely() {
    try {
      sweep();
      if (System.currentTimeMillis() - lastPrune > 3_600_000L) {
        lastPrune = System.currentTimeMillis();
        int deleted = prune(Instant.now().minus(retention));
        if (deleted > 0) {
          LOG.info("Deleted {} inbox entries older than {}", deleted, retention);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Sweeping the channel inbox failed, will retry: {}", e.toString());
    }
  }

  /**
   * Acts on messages stored but never acted on (the server stopped in between, or the platform gave
   * up on its delivery): nothing taken is left lying in the inbox.
   */
  int sweep() {
    Instant now = Instant.now();
    List<InboxEntryEntity> stranded =
        tx.read(
            em ->
                em.createQuery(
                        "select e from InboxEntryEntity e where e.outcome = :received"
                            + " and e.receivedAt < :before"
                            + " and (e.claimedUntil is null or e.claimedUntil < :now)"
                            + " order by e.receivedAt",
                        InboxEntryEntity.class)
                    .setParameter("received", InboxOutcome.RECEIVED)
                    .setParameter("before", now.minus(CLAIM))
                    .setParameter("now", now)
                    .setMaxResults(50)
                    .getResultList());
    int acted = 0;
    for (InboxEntryEntity entry : stranded) {
      ChannelConnector connector = registry.get(entry.channel());
      if (connector != null
          && connector.configurationProblem() == null
          && claim(entry.id(), EnumSet.of(InboxOutcome.RECEIVED))) {
        LOG.info("Acting on inbox entry {} of {} left unsettled", entry.id(), entry.channel());
        act(connector, entry.id(), entry.message(), true);
        acted++;
      }
    }
    return acted;
  }

  /**
   * Deletes messages acted on before {@code before}, in batches; messages on hold, failed or not
   * yet acted on stay (they are the problem queue). Buyer data in bodies goes with them.
   */
  int prune(Instant before) {
    Set<InboxOutcome> settled = EnumSet.copyOf(DONE);
    settled.add(InboxOutcome.IGNORED);
    int total = 0;
    int deleted;
    do {
      deleted =
          tx.write(
              em -> {
                List<Long> ids =
                    em.createQuery(
                            "select e.id from InboxEntryEntity e where e.receivedAt < :before"
                                + " and e.outcome in :settled"
                                // a store return's entry is what stops a second restock, and
                                // an early cancellation's marks its order for cancelling
                                + " and e.deliveryId not like 'return:%'"
                                + " and (e.detail is null or e.detail <> :marker)",
                            Long.class)
                        .setParameter("before", before)
                        .setParameter("settled", settled)
                        .setParameter("marker", NOTHING_TO_CANCEL)
                        .setMaxResults(1000)
                        .getResultList();
                if (ids.isEmpty()) {
                  return 0;
                }
                return em.createQuery("delete from InboxEntryEntity e where e.id in :ids")
                    .setParameter("ids", InLists.padded(ids))
                    .executeUpdate();
              });
      total += deleted;
    } while (deleted == 1000);
    return total;
  }

  @Override
  public WebhookResult receive(String channel, WebhookRequest request) {
    ChannelConnector connector = connector(channel);
    if (request.body().length == 0) {
      throw new ValidationException(List.of("the body is empty"));
    }
    InboundMessage message = connector.verify(request);
    List<InboundMessage> parts = connector.split(message);
    if (parts.size() == 1) {
      return accept(connector, parts.get(0));
    }
    new Checks().range("messages in one delivery", parts.size(), 1, MAX_BATCH).orThrow();
    List<WebhookResult> results = new ArrayList<>();
    for (InboundMessage part : parts) {
      try {
        results.add(accept(connector, part));
      } catch (ValidationException bad) {
        // one bad message does not hold up the rest of the batch
        results.add(new WebhookResult(0, InboxOutcome.FAILED, null, describe(bad), false));
      }
    }
    Map<InboxOutcome, Long> counts =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    WebhookResult::outcome,
                    () -> new EnumMap<>(InboxOutcome.class),
                    Collectors.counting()));
    InboxOutcome outcome = counts.size() == 1 ? counts.keySet().iterator().next() : null;
    return new WebhookResult(
        0,
        outcome,
        null,
        results.size() + " messages: " + counts,
        results.stream().allMatch(WebhookResult::duplicate),
        results);
  }

  @Override
  public WebhookResult accept(String channel, InboundMessage message) {
    return accept(connector(channel), message);
  }

  private WebhookResult accept(ChannelConnector connector, InboundMessage message) {
    new Checks()
        .required("deliveryId", message.deliveryId())
        .maxLength("deliveryId", message.deliveryId(), 200)
        .maxLength("topic", message.topic(), 100)
        .required("body", message.body())
        .orThrow();
    Stored stored = store(connector.name(), message);
    InboxOutcome earlier = stored.entry().outcome();
    if (stored.duplicate() && earlier != InboxOutcome.RECEIVED && earlier != InboxOutcome.FAILED) {
      InboxEntry entry = stored.entry().toEntry(false);
      return new WebhookResult(entry.id(), earlier, entry.orderId(), entry.detail(), true);
    }
    return claimAndAct(connector, stored.entry().id(), message, stored.duplicate());
  }

  /**
   * Acts on an entry if no one else is: two deliveries of one message at once act once. The one
   * that finds the entry claimed waits for the other's outcome and answers with it.
   */
  private WebhookResult claimAndAct(
      ChannelConnector connector, long entryId, InboundMessage message, boolean duplicate) {
    if (claim(entryId)) {
      return act(connector, entryId, message, duplicate);
    }
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      InboxEntry entry =
          tx.read(
              em ->
                  Entities.require(em, InboxEntryEntity.class, entryId, "inbox entry")
                      .toEntry(false));
      if (entry.outcome() != InboxOutcome.RECEIVED && !entry.claimed()) {
        return new WebhookResult(entryId, entry.outcome(), entry.orderId(), entry.detail(), true);
      }
      if (!entry.claimed() && claim(entryId, EnumSet.of(InboxOutcome.RECEIVED))) {
        return act(connector, entryId, message, true); // its actor is gone: take over
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new ChannelUnavailableException(
        "message " + message.deliveryId() + " is being processed; retry later");
  }

  private boolean claim(long entryId) {
    return claim(entryId, EnumSet.complementOf(EnumSet.copyOf(DONE)));
  }

  /** Claims an entry that is in one of {@code outcomes} and not claimed by a live actor. */
  private boolean claim(long entryId, Set<InboxOutcome> outcomes) {
    Instant now = Instant.now();
    return tx.write(
        em ->
            em.createQuery(
                        "update InboxEntryEntity e set e.claimedUntil = :until where e.id = :id"
                            + " and e.outcome in :outcomes"
                            + " and (e.claimedUntil is null or e.claimedUntil < :now)")
                    .setParameter("until", now.plus(CLAIM))
                    .setParameter("id", entryId)
                    .setParameter("outcomes", outcomes)
                    .setParameter("now", now)
                    .executeUpdate()
                == 1);
  }

  private record Stored(InboxEntryEntity entry, boolean duplicate) {}

  /** Stores the message, or finds the entry an earlier delivery of it made. */
  private Stored store(String channel, InboundMessage message) {
    return tx.write(
        em -> {
          InboxEntryEntity known = find(em, channel, message.deliveryId());
          if (known != null) {
            return new Stored(known, true);
          }
          InboxEntryEntity entry = new InboxEntryEntity(channel, message);
          em.persist(entry);
          // Flush now: two deliveries at once collide on the unique key here, and the retry
          // finds the winner's entry.
          em.flush();
          return new Stored(entry, false);
        });
  }

  private static InboxEntryEntity find(EntityManager em, String channel, String deliveryId) {
    return em.createQuery(
            "select e from InboxEntryEntity e where e.channel = :channel and e.deliveryId = :id",
            InboxEntryEntity.class)
        .setParameter("channel", channel)
        .setParameter("id", deliveryId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private WebhookResult act(
      ChannelConnector connector, long entryId, InboundMessage message, boolean duplicate) {
    String user = "channel:" + connector.name();
    ChannelAction action;
    try {
      action = connector.map(message);
    } catch (RuntimeException e) {
      LOG.warn("Channel {} could not read entry {}: {}", connector.name(), entryId, e.toString());
      return settle(entryId, InboxOutcome.FAILED, null, null, "could not read: " + e, duplicate);
    }
    String externalId = action.externalId();
    try {
      return switch (action.kind()) {
        case IGNORE ->
            settle(entryId, InboxOutcome.IGNORED, externalId, null, action.note(), duplicate);
        case CANCEL -> cancel(connector, entryId, action, user, duplicate);
        case PLACE -> place(connector, entryId, action, user, duplicate);
        case SALE -> sale(connector, entryId, action, user, duplicate);
        case RETURN -> returned(entryId, action, user, duplicate);
      };
    } catch (OmsException refused) {
      // The message is kept: an operator sees it in the problem queue and replays it once fixed.
      return settle(entryId, InboxOutcome.FAILED, externalId, null, describe(refused), duplicate);
    } catch (RuntimeException e) {
      LOG.warn("Acting on inbox entry {} of {} failed", entryId, connector.name(), e);
      return settle(
          entryId, InboxOutcome.FAILED, externalId, null, "could not act: " + e, duplicate);
    }
  }

  private WebhookResult place(
      ChannelConnector connector,
      long entryId,
      ChannelAction action,
      String user,
      boolean duplicate) {
    List<String> problems = new ArrayList<>(action.problems());
    OrderSubmission submission =
        ChannelSubmissions.fit(withChannel(action.submission(), connector), problems);
    PlacementResult result;
    if (problems.isEmpty()) {
      try {
        result = orders.place(submission, null, user);
      } catch (InsufficientStockException | ValidationException cannotTake) {
        if (cannotTake instanceof ValidationException && submission.externalId() == null) {
          throw cannotTake;
        }
        result = orders.takeOnHold(submission, List.of(describe(cannotTake)), user);
      }
    } else {
      result = orders.takeOnHold(submission, problems, user);
    }
    Order order = result.order();
    if (result.replayed() && problems.isEmpty() && awaitingPayment(order)) {
      // the channel now sends it as paid: lift the hold it asked for
      order = orders.release(order.id(), user);
      return settle(
          entryId, InboxOutcome.ACCEPTED, submission.externalId(), order.id(), "paid", duplicate);
    }
    if (!result.replayed() && cancelledEarlier(connector.name(), submission.externalId())) {
      // Platforms do not promise order: the cancellation came first.
      order = orders.cancel(order.id(), "cancelled on the channel before it arrived", user);
      return settle(
          entryId,
          InboxOutcome.CANCELLED,
          submission.externalId(),
          order.id(),
          NOTHING_TO_CANCEL,
          duplicate);
    }
    InboxOutcome outcome;
    String detail;
    if (result.replayed()) {
      outcome = InboxOutcome.UNCHANGED;
      detail = "order " + order.id() + " was already taken (" + order.status() + ")";
    } else if (order.status() == OrderStatus.ON_HOLD) {
      outcome = InboxOutcome.ON_HOLD;
      detail = order.holdReason();
    } else {
      outcome = InboxOutcome.ACCEPTED;
      detail = null;
    }
    return settle(entryId, outcome, submission.externalId(), order.id(), detail, duplicate);
  }

  private static boolean awaitingPayment(Order order) {
    return order.status() == OrderStatus.ON_HOLD
        && order.holdReason() != null
        && order.holdReason().startsWith(ChannelAction.AWAITING_PAYMENT)
        && !order.holdReason().contains("; "); // held for nothing else
  }

  private boolean cancelledEarlier(String channel, String externalId) {
    return tx.read(
        em ->
            !em.createQuery(
                    "select e.id from InboxEntryEntity e where e.channel = :channel"
                        + " and e.externalId = :externalId and e.outcome = :ignored"
                        + " and e.detail = :detail",
                    Long.class)
                .setParameter("channel", channel)
                .setParameter("externalId", externalId)
                .setParameter("ignored", InboxOutcome.IGNORED)
                .setParameter("detail", NOTHING_TO_CANCEL)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
  }

  /**
   * A return moves stock without a unique key of its own to stop a second time: the movement and
   * the entry's outcome commit together, under a lock on the entry, or not at all.
   */
  private WebhookResult returned(
      long entryId, ChannelAction action, String user, boolean duplicate) {
    return tx.write(
        em -> {
          InboxEntryEntity entry =
              em.find(InboxEntryEntity.class, entryId, LockModeType.PESSIMISTIC_WRITE);
          if (entry.outcome() == InboxOutcome.RECORDED) {
            return new WebhookResult(entryId, InboxOutcome.RECORDED, null, action.note(), true);
          }
          inventory.returnToStock(action.location(), action.returned(), action.note(), user);
          entry.settle(InboxOutcome.RECORDED, action.externalId(), null, action.note());
          return new WebhookResult(entryId, InboxOutcome.RECORDED, null, action.note(), duplicate);
        });
  }

  private WebhookResult sale(
      ChannelConnector connector,
      long entryId,
      ChannelAction action,
      String user,
      boolean duplicate) {
    List<String> problems = new ArrayList<>();
    OrderSubmission sale =
        ChannelSubmissions.fit(withChannel(action.submission(), connector), problems);
    // Held, reserving nothing, when the store's stock does not cover it; an unknown location
    // (the store misconfigured) fails the entry.
    PlacementResult result =
        problems.isEmpty()
            ? orders.recordSale(sale, action.location(), user)
            : orders.holdStoreSale(sale, action.location(), problems, user);
    Order order = result.order();
    InboxOutcome outcome =
        result.replayed()
            ? InboxOutcome.UNCHANGED
            : order.status() == OrderStatus.ON_HOLD ? InboxOutcome.ON_HOLD : InboxOutcome.RECORDED;
    String detail =
        order.holdReason() != null
            ? order.holdReason()
            : problems.isEmpty() ? null : String.join("; ", problems);
    return settle(entryId, outcome, sale.externalId(), order.id(), detail, duplicate);
  }

  private WebhookResult cancel(
      ChannelConnector connector,
      long entryId,
      ChannelAction action,
      String user,
      boolean duplicate) {
    Optional<Order> order = orders.findByExternalId(connector.name(), action.externalId());
    if (order.isEmpty()) {
      return settle(
          entryId, InboxOutcome.IGNORED, action.externalId(), null, NOTHING_TO_CANCEL, duplicate);
    }
    if (order.get().status() == OrderStatus.CANCELLED) {
      return settle(
          entryId,
          InboxOutcome.UNCHANGED,
          action.externalId(),
          order.get().id(),
          "already cancelled",
          duplicate);
    }
    String reason = action.note() == null ? "cancelled on the channel" : action.note();
    Order cancelled = orders.cancel(order.get().id(), reason, user);
    return settle(
        entryId, InboxOutcome.CANCELLED, action.externalId(), cancelled.id(), reason, duplicate);
  }

  /**
   * Orders are recorded under the instance name, whatever the connector put in the submission, and
   * reserve from the first department the channel sells from unless the connector chose.
   */
  private static OrderSubmission withChannel(OrderSubmission s, ChannelConnector connector) {
    if (s == null) {
      throw new ValidationException(List.of("the connector mapped no order"));
    }
    String department =
        s.department() != null || connector.departments().isEmpty()
            ? s.department()
            : connector.departments().iterator().next();
    return new OrderSubmission(
        connector.name(),
        s.externalId(),
        s.sourceCode(),
        department,
        s.customer(),
        s.shippingAddress(),
        s.lines());
  }

  private WebhookResult settle(
      long entryId,
      InboxOutcome outcome,
      String externalId,
      String orderId,
      String detail,
      boolean duplicate) {
    tx.write(
        em -> {
          InboxEntryEntity entry =
              Entities.require(em, InboxEntryEntity.class, entryId, "inbox entry");
          entry.settle(outcome, externalId, orderId, detail);
          return null;
        });
    return new WebhookResult(entryId, outcome, orderId, detail, duplicate);
  }

  private static String describe(OmsException refusal) {
    if (refusal instanceof ValidationException v && !v.errors().isEmpty()) {
      return String.join("; ", v.errors());
    }
    return refusal.getMessage();
  }

  private ChannelConnector connector(String channel) {
    ChannelConnector connector = registry.get(channel);
    if (connector == null) {
      throw new ChannelUnavailableException(
          "no channel named '" + channel + "' is installed; retry later");
    }
    String problem = connector.configurationProblem();
    if (problem != null) {
      // what is missing is for operators (oms:channel-list), not for whoever posts here
      throw new ChannelUnavailableException("channel '" + channel + "' is not configured");
    }
    return connector;
  }

  @Override
  public boolean known(String channel, String deliveryId) {
    return tx.read(
        em -> {
          InboxEntryEntity entry = find(em, channel, deliveryId);
          return entry != null
              && entry.outcome() != InboxOutcome.RECEIVED
              && entry.outcome() != InboxOutcome.FAILED;
        });
  }

  @Override
  public List<InboxEntry> entries(String channel, InboxOutcome outcome, int limit) {
    new Checks().range("limit", limit, 1, MAX_LIST).orThrow();
    return tx.read(
        em -> {
          StringBuilder jpql = new StringBuilder("select e from InboxEntryEntity e where 1 = 1");
          if (channel != null) {
            jpql.append(" and e.channel = :channel");
          }
          if (outcome != null) {
            jpql.append(" and e.outcome = :outcome");
          }
          jpql.append(" order by e.receivedAt desc, e.id desc");
          TypedQuery<InboxEntryEntity> query =
              em.createQuery(jpql.toString(), InboxEntryEntity.class).setMaxResults(limit);
          if (channel != null) {
            query.setParameter("channel", channel);
          }
          if (outcome != null) {
            query.setParameter("outcome", outcome);
          }
          return query.getResultList().stream().map(e -> e.toEntry(false)).toList();
        });
  }

  @Override
  public InboxEntry entry(long id) {
    return tx.read(
        em -> Entities.require(em, InboxEntryEntity.class, id, "inbox entry").toEntry(true));
  }

  @Override
  public WebhookResult replay(long id, String user) {
    InboxEntryEntity entry =
        tx.read(em -> Entities.require(em, InboxEntryEntity.class, id, "inbox entry"));
    if (DONE.contains(entry.outcome())) {
      throw new ConflictException(
          "inbox entry "
              + id
              + " was acted on already ("
              + entry.outcome()
              + "): nothing to replay");
    }
    ChannelConnector connector = connector(entry.channel());
    LOG.info("{} replays inbox entry {} of channel {}", user, id, entry.channel());
    return claimAndAct(connector, id, entry.message(), true);
  }
}
