package io.hanse.oms.core.order;

import io.hanse.oms.api.IdempotencyKeyReusedException;
import io.hanse.oms.api.InsufficientStockException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.OmsException;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderQuery;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.order.ShipmentRequest;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.pricing.PriceCalculator;
import io.hanse.oms.core.channel.ChannelNoticeEntity;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.Json;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.outbox.Outbox;
import io.hanse.oms.core.payment.Gateways;
import io.hanse.oms.core.payment.OrderPayments;
import io.hanse.oms.core.payment.PaymentExecutor;
import io.hanse.oms.core.payment.PreparedPayment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Orders from every channel, through one path. Each method is one retried transaction; new orders
 * without tenders are taken together with others arriving at the same time ({@link OrderIntake}).
 */
@Component(service = OrderService.class, configurationPid = "io.hanse.oms.orders")
@Designate(ocd = OrderServiceImpl.Config.class)
public class OrderServiceImpl implements OrderService {

  @ObjectClassDefinition(name = "Hanse OMS orders")
  public @interface Config {
    @AttributeDefinition(
        description =
            "Most new orders taken together in one transaction when they arrive at the same time"
                + " (group commit); 1 takes every order in a transaction of its own")
    int intakeBatchSize() default OrderServiceImpl.DEFAULT_BATCH;

    @AttributeDefinition(
        description =
            "Batches of new orders written at once, each by its own thread on its own database"
                + " connection; a customer's orders always go to the same one")
    int intakeWriters() default OrderServiceImpl.DEFAULT_WRITERS;
  }

  /** Enough to gather what 16 to 64 busy clients send while one batch commits. */
  static final int DEFAULT_BATCH = 64;

  /**
   * One: on two cores a second writer halves the batches, and the CPU each order costs grows more
   * than the overlap of two batches' round trips gains (BENCHMARKS.md, "A batch of one"). Machines
   * with cores to spare, or a database far away, may take more.
   */
  static final int DEFAULT_WRITERS = 1;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OrderServiceImpl.class);
  private final Transactions tx;
  private final Gateways gateways;
  private final PaymentExecutor payments;
  private final OrderIntake intake;

  /** The card vault, when installed: card tenders are checked against it before an order. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CardVault vault;

  /** The highest-ranked price calculator a plugin offers; list price when none. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile PriceCalculator priceCalculator;

  /** Without payment gateways: orders with tenders are refused (unit tests). */
  /** Every order in a transaction of its own (unit tests; batches are tested on their own). */
  public OrderServiceImpl(Transactions tx) {
    this(tx, new Gateways(), new PaymentExecutor(tx, new Gateways()), 1);
  }

  @Activate
  public OrderServiceImpl(
      @Reference Transactions tx,
      @Reference Gateways gateways,
      @Reference PaymentExecutor payments,
      Config config) {
    this(tx, gateways, payments, config.intakeBatchSize(), config.intakeWriters());
  }

  /** With gateways, each order taken in a transaction of its own (unit tests). */
  public OrderServiceImpl(Transactions tx, Gateways gateways, PaymentExecutor payments) {
    this(tx, gateways, payments, 1);
  }

  public OrderServiceImpl(
      Transactions tx, Gateways gateways, PaymentExecutor payments, int batchSize) {
    this(tx, gateways, payments, batchSize, 1);
  }

  public OrderServiceImpl(
      Transactions tx, Gateways gateways, PaymentExecutor payments, int batchSize, int writers) {
    this.tx = tx;
    this.gateways = gateways;
    this.payments = payments;
    this.intake = new OrderIntake(tx, batchSize, writers, true);
  }

  /** Stops taking orders in batches; what waits is taken alone. */
  @Deactivate
  public void deactivate() {
    intake.stop();
  }

  @Override
  public PlacementResult place(OrderSubmission submission, String idempotencyKey, String user) {
    Submissions.check(submission);
    new Checks().maxLength("Idempotency-Key", idempotencyKey, 200).orThrow();
    String requestHash = Json.hash(submission);
    PriceCalculator calculator = priceCalculator;
    IdempotencyKeyEntity.Id keyId =
        idempotencyKey == null ? null : new IdempotencyKeyEntity.Id(user, idempotencyKey);
    List<PreparedPayment> tenders =
        submission.payments().isEmpty()
            ? List.of()
            : PreparedPayment.prepare(submission.payments(), gateways, Optional.ofNullable(vault));
    boolean lookFirst = false;
    if (tenders.isEmpty()) {
      Object taken =
          intake.submit(new OrderIntake.Request(submission, keyId, requestHash, user, calculator));
      if (taken instanceof PlacementResult result) {
        return result;
      }
      lookFirst = taken == OrderIntake.Alone.LOOK_FIRST;
    }
    boolean looked = lookFirst;
    PlacementResult placed;
    try {
      placed =
          tx.write(
              (em, attempt) -> {
                // A first attempt does not look for an earlier order with this idempotency key or
                // external id: their unique keys refuse the insert of a replay at commit, and the
                // retry that follows looks. That spares every new order two queries.
                if (attempt > 1 || looked) {
                  PlacementResult earlier = earlier(em, keyId, requestHash, submission);
                  if (earlier != null) {
                    return earlier;
                  }
                }
                OrderEntity order;
                try {
                  order = new OrderPlacement(em, user, calculator).place(submission);
                } catch (OmsException refused) {
                  // A replay of an order that took the last units (or whose SKU is gone since) must
                  // still answer with that order: look before refusing, then roll back what this
                  // attempt reserved.
                  PlacementResult earlier =
                      attempt == 1 && !looked ? earlier(em, keyId, requestHash, submission) : null;
                  if (earlier != null) {
                    throw new Replay(earlier);
                  }
                  throw refused;
                }
                if (!tenders.isEmpty()) {
                  OrderPayments.record(em, order, tenders);
                  // the placed event said CONFIRMED: tell that it waits on its payment
                  Outbox.append(em, OmsTopics.ORDER_CHANGED, event(order));
                }
                if (keyId != null) {
                  em.persist(new IdempotencyKeyEntity(keyId, requestHash, order.id()));
                }
                em.flush();
                return new PlacementResult(order.toOrder(), false);
              });
    } catch (Replay replay) {
      return withPayments(replay.result);
    }
    if (tenders.isEmpty() || placed.replayed()) {
      return tenders.isEmpty() ? placed : withPayments(placed);
    }
    // Authorized after the order's transaction, never inside it: no locks held while a gateway
    // answers. Until then the order is on hold; a crash here leaves its operations to the sweeper.
    try {
      payments.run(placed.order().id());
    } catch (RuntimeException e) {
      // the order is taken and on hold; the sweeper finishes its authorization
      LOG.warn(
          "Order {} taken; its authorization continues later: {}",
          placed.order().id(),
          e.getMessage());
    }
    return new PlacementResult(get(placed.order().id()), false);
  }

  /** The order as the APIs show it, with its payments, read in the caller's transaction. */
  private static Order withPayments(EntityManager em, OrderEntity order) {
    return order.toOrder(
        OrderPayments.views(em, List.of(order.id())).getOrDefault(order.id(), List.of()));
  }

  private PlacementResult withPayments(PlacementResult result) {
    return new PlacementResult(get(result.order().id()), result.replayed());
  }

  @Override
  public PlacementResult takeOnHold(
      OrderSubmission submission, List<String> problems, String user) {
    Submissions.check(submission);
    Checks checks =
        new Checks()
            .required("externalId", submission.externalId())
            .that(problems != null && !problems.isEmpty(), "problems: at least one is required");
    checks.orThrow();
    String reason = String.join("; ", problems);
    PriceCalculator calculator = priceCalculator;
    try {
      return tx.write(
          em -> {
            OrderEntity earlier = findByExternalId(em, submission);
            if (earlier != null) {
              return new PlacementResult(earlier.toOrder(), true);
            }
            OrderEntity order = new OrderPlacement(em, user, calculator).place(submission);
            order.hold(reason);
            Outbox.append(em, OmsTopics.ORDER_CHANGED, event(order));
            em.flush();
            return new PlacementResult(order.toOrder(), false);
          });
    } catch (ValidationException | InsufficientStockException cannotReserve) {
      // Unknown SKU, bad personalization or stock short: keep the order, reserve nothing.
      String why = reason + "; " + Submissions.describe(cannotReserve);
      return tx.write(
          em -> {
            OrderEntity earlier = findByExternalId(em, submission);
            if (earlier != null) {
              return new PlacementResult(earlier.toOrder(), true);
            }
            OrderEntity order =
                new OrderPlacement(em, user, calculator).placeUnreserved(submission, why);
            em.flush();
            return new PlacementResult(order.toOrder(), false);
          });
    }
  }

  @Override
  public PlacementResult recordSale(OrderSubmission sale, String location, String user) {
    Submissions.check(sale);
    new Checks().required("externalId", sale.externalId()).required("location", location).orThrow();
    PriceCalculator calculator = priceCalculator;
    try {
      return tx.write(
          (em, attempt) -> {
            OrderEntity earlier = findByExternalId(em, sale);
            if (earlier != null) {
              if (earlier.heldStoreSale()) {
                // a sale held because the store's stock did not cover it: try again now
                new OrderPlacement(em, user, calculator).retake(earlier);
                shipInStore(em, user, earlier);
                return new PlacementResult(earlier.toOrder(), false);
              }
              return new PlacementResult(earlier.toOrder(), true);
            }
            if (em.find(io.hanse.oms.core.inventory.LocationEntity.class, location) == null) {
              throw new ValidationException("unknown location: " + location);
            }
            OrderEntity order = new OrderPlacement(em, user, calculator).place(sale, location);
            order.soldAt(location);
            shipInStore(em, user, order);
            return new PlacementResult(order.toOrder(), false);
          });
    } catch (InsufficientStockException | ValidationException notCovered) {
      if (notCovered instanceof ValidationException v
          && v.errors().stream().noneMatch(e -> e.startsWith("unknown sku"))) {
        throw notCovered;
      }
      // The till sold what the store's record does not hold (or Hanse does not know): keep the
      // sale, on hold at that store, reserving nothing anywhere; releasing or replaying it once
      // the count is right records it there.
      return holdStoreSale(
          sale,
          location,
          List.of(
              "store sale at " + location + " not covered: " + Submissions.describe(notCovered)),
          user);
    }
  }

  @Override
  public PlacementResult holdStoreSale(
      OrderSubmission sale, String location, List<String> problems, String user) {
    Submissions.check(sale);
    new Checks()
        .required("location", location)
        .that(problems != null && !problems.isEmpty(), "problems: at least one is required")
        .orThrow();
    PriceCalculator calculator = priceCalculator;
    String reason = String.join("; ", problems);
    return tx.write(
        em -> {
          OrderEntity earlier = findByExternalId(em, sale);
          if (earlier != null) {
            return new PlacementResult(earlier.toOrder(), true);
          }
          OrderEntity order =
              new OrderPlacement(em, user, calculator).placeUnreserved(sale, reason);
          order.soldAt(location);
          em.flush();
          return new PlacementResult(order.toOrder(), false);
        });
  }

  /** Ships everything of a store sale at once: the customer took it at the till. */
  private static void shipInStore(EntityManager em, String user, OrderEntity order) {
    em.flush(); // the shipment reads the reservations just made (flush mode is COMMIT)
    List<SkuQuantity> everything =
        order.lines().stream().map(l -> new SkuQuantity(l.sku(), l.quantity())).toList();
    ShipmentEntity parcel =
        new OrderFulfilment(em, user, order)
            .ship(new ShipmentRequest(everything, IN_STORE, order.externalId()));
    em.persist(parcel);
    order.shipped(parcel);
    Map<String, Object> props = event(order);
    props.put(OmsTopics.CARRIER, IN_STORE);
    props.put(OmsTopics.TRACKING_NUMBER, order.externalId());
    props.put(OmsTopics.SHIPMENT_ID, parcel.toShipment().id());
    Outbox.append(em, OmsTopics.ORDER_SHIPPED, props);
    em.flush();
  }

  /** The carrier of goods a customer took from a store. */
  static final String IN_STORE = "in-store";

  @Override
  public Optional<Order> findByExternalId(String channel, String externalId) {
    if (channel == null || externalId == null) {
      return Optional.empty();
    }
    OrderSubmission key = new OrderSubmission(channel, externalId, null, null, null, null, null);
    return tx.read(em -> Optional.ofNullable(findByExternalId(em, key)).map(OrderEntity::toOrder));
  }

  /** Carries an earlier order out of a transaction that must roll back. */
  private static final class Replay extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PlacementResult result;

    Replay(PlacementResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /**
   * The order an earlier request with this idempotency key or (channel, external id) made, as a
   * replay; null when there is none.
   *
   * @throws IdempotencyKeyReusedException when the key was used for another request
   */
  private static PlacementResult earlier(
      EntityManager em,
      IdempotencyKeyEntity.Id keyId,
      String requestHash,
      OrderSubmission submission) {
    IdempotencyKeyEntity known = keyId == null ? null : em.find(IdempotencyKeyEntity.class, keyId);
    if (known != null) {
      if (!known.requestHash().equals(requestHash)) {
        throw new IdempotencyKeyReusedException(keyId.key());
      }
      return new PlacementResult(
          Entities.require(em, OrderEntity.class, known.orderId(), "order").toOrder(), true);
    }
    OrderEntity order = findByExternalId(em, submission);
    return order == null ? null : new PlacementResult(order.toOrder(), true);
  }

  private static OrderEntity findByExternalId(EntityManager em, OrderSubmission s) {
    if (s.externalId() == null) {
      return null;
    }
    return em.createQuery(
            "select o from OrderEntity o where o.channel = :channel and o.externalId = :id",
            OrderEntity.class)
        .setParameter("channel", s.channel())
        .setParameter("id", s.externalId())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  @Override
  public Optional<Order> find(String id) {
    return tx.read(
        em ->
            Optional.ofNullable(em.find(OrderEntity.class, id))
                .map(
                    o ->
                        o.toOrder(
                            OrderPayments.views(em, List.of(id)).getOrDefault(id, List.of()))));
  }

  @Override
  public Page<Order> search(OrderQuery query) {
    int size = Math.max(1, Math.min(query.size() <= 0 ? 50 : query.size(), Page.MAX_SIZE));
    int page = Math.max(0, query.page());
    StringBuilder jpql = new StringBuilder("select o from OrderEntity o where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (query.channel() != null) {
      jpql.append(" and o.channel = :channel");
      params.put("channel", query.channel());
    }
    if (query.status() != null) {
      jpql.append(" and o.status = :status");
      params.put("status", query.status());
    }
    if (query.customer() != null) {
      if (query.customer().contains("@")) {
        jpql.append(" and o.customerEmail = :customer");
        params.put("customer", query.customer().trim().toLowerCase(java.util.Locale.ROOT));
      } else {
        jpql.append(" and o.customerId = :customer");
        params.put("customer", query.customer());
      }
    }
    if (query.placedFrom() != null) {
      jpql.append(" and o.createdAt >= :from");
      params.put("from", query.placedFrom());
    }
    if (query.placedBefore() != null) {
      jpql.append(" and o.createdAt < :before");
      params.put("before", query.placedBefore());
    }
    jpql.append(" order by o.createdAt desc, o.id desc");
    return tx.read(
        em -> {
          TypedQuery<OrderEntity> q = em.createQuery(jpql.toString(), OrderEntity.class);
          params.forEach(q::setParameter);
          List<OrderEntity> found =
              q.setFirstResult(page * size).setMaxResults(size + 1).getResultList();
          Map<String, List<io.hanse.oms.api.payment.Payment>> paid =
              OrderPayments.views(em, found.stream().map(OrderEntity::id).toList());
          List<Order> orders =
              found.stream().map(o -> o.toOrder(paid.getOrDefault(o.id(), List.of()))).toList();
          boolean more = orders.size() > size;
          return new Page<>(more ? orders.subList(0, size) : orders, page, size, more);
        });
  }

  @Override
  public Order cancel(String id, String reason, String user) {
    new Checks().maxLength("reason", reason, 500).orThrow();
    boolean[] voiding = {false};
    Order cancelled =
        tx.write(
            em -> {
              OrderEntity order = Entities.require(em, OrderEntity.class, id, "order");
              OrderTransitions.require(
                  id, order.status(), io.hanse.oms.api.order.OrderStatus.CANCELLED);
              new OrderFulfilment(em, user, order)
                  .releaseAll(reason == null ? "order cancelled" : reason);
              order.cancel();
              voiding[0] = OrderPayments.voidAll(em, order, "order cancelled");
              Map<String, Object> props = event(order);
              props.put(OmsTopics.USER, user == null ? "" : user);
              if (reason != null) {
                props.put(OmsTopics.REASON, reason);
              }
              Outbox.append(em, OmsTopics.ORDER_CANCELLED, props);
              String channel = ChannelNoticeEntity.channelOf(order.placedBy());
              if (channel != null && !order.placedBy().equals(user)) {
                // the channel is told, unless it cancelled the order itself
                ChannelNoticeEntity.cancelled(em, channel, order.id(), order.externalId(), reason);
              }
              em.flush();
              return withPayments(em, order);
            });
    return voiding[0] ? afterPayments(id) : cancelled;
  }

  @Override
  public Order ship(String id, ShipmentRequest shipment, String user) {
    checkShipment(shipment);
    boolean[] capturing = {false};
    Order shipped =
        tx.write(
            em -> {
              OrderEntity order = Entities.require(em, OrderEntity.class, id, "order");
              order.requireShippable();
              ShipmentEntity parcel = new OrderFulfilment(em, user, order).ship(shipment);
              em.persist(parcel);
              order.shipped(parcel);
              capturing[0] =
                  OrderPayments.captureShipment(
                      em,
                      order,
                      value(order, shipment),
                      order.status() == OrderStatus.SHIPPED,
                      parcel.toShipment().id());
              Map<String, Object> props = event(order);
              props.put(OmsTopics.CARRIER, shipment.carrier());
              props.put(OmsTopics.TRACKING_NUMBER, shipment.trackingNumber());
              props.put(OmsTopics.SHIPMENT_ID, parcel.toShipment().id());
              Outbox.append(em, OmsTopics.ORDER_SHIPPED, props);
              String channel = ChannelNoticeEntity.channelOf(order.placedBy());
              if (channel != null) {
                ChannelNoticeEntity.shipped(
                    em,
                    channel,
                    order.id(),
                    order.externalId(),
                    parcel.toShipment().id(),
                    order.status() == OrderStatus.SHIPPED);
              }
              em.flush();
              return withPayments(em, order);
            });
    // the capture for this shipment, after its transaction
    return capturing[0] ? afterPayments(id) : shipped;
  }

  /** The payment operations a committed change wrote; their failure is the sweeper's to retry. */
  private Order afterPayments(String id) {
    try {
      if (payments.run(id) == PaymentExecutor.Outcome.RETAKE) {
        return release(id, "payments");
      }
    } catch (RuntimeException e) {
      LOG.warn("Payments of order {} continue later: {}", id, e.getMessage());
    }
    return get(id);
  }

  /** What the shipped units are worth at the order's prices. */
  private static java.math.BigDecimal value(OrderEntity order, ShipmentRequest shipment) {
    java.math.BigDecimal value = java.math.BigDecimal.ZERO;
    for (SkuQuantity s : shipment.lines()) {
      for (OrderLineEntity line : order.lines()) {
        if (line.sku().equals(s.sku())) {
          value = value.add(line.unitPrice().multiply(java.math.BigDecimal.valueOf(s.quantity())));
          break;
        }
      }
    }
    return value;
  }

  private static void checkShipment(ShipmentRequest s) {
    new Checks().required("shipment", s).orThrow();
    Checks checks =
        new Checks()
            .required("carrier", s.carrier())
            .maxLength("carrier", s.carrier(), 64)
            .required("trackingNumber", s.trackingNumber())
            .maxLength("trackingNumber", s.trackingNumber(), 128)
            .that(
                s.lines() != null
                    && !s.lines().isEmpty()
                    && s.lines().size() <= Submissions.MAX_LINES,
                "a shipment has 1 to " + Submissions.MAX_LINES + " lines");
    if (s.lines() != null) {
      for (SkuQuantity line : s.lines()) {
        checks
            .code("lines.sku", line == null ? null : line.sku())
            .that(line == null || line.quantity() >= 1, "lines.quantity must be at least 1");
      }
    }
    checks.orThrow();
  }

  @Override
  public Order hold(String id, String reason, String user) {
    new Checks().required("reason", reason).maxLength("reason", reason, 500).orThrow();
    return change(id, order -> order.hold(reason));
  }

  @Override
  public Order release(String id, String user) {
    PriceCalculator calculator = priceCalculator;
    return tx.write(
        em -> {
          OrderEntity order = Entities.require(em, OrderEntity.class, id, "order");
          order.requireNoPaymentHold();
          if (order.heldStoreSale()) {
            new OrderPlacement(em, user, calculator).retake(order);
            shipInStore(em, user, order);
          } else if (order.takenUnreserved() && order.status() == OrderStatus.ON_HOLD) {
            new OrderPlacement(em, user, calculator).retake(order);
            java.math.BigDecimal covered = OrderPayments.covered(em, order.id());
            if (covered.signum() > 0 && covered.compareTo(order.total().amount()) != 0) {
              // re-priced while it waited: the payments no longer match what is due
              order.holdForPayment(
                  "the total is now "
                      + order.total()
                      + " (prices changed while it waited); its payments cover "
                      + new Money(covered, order.total().currency()));
            }
          } else {
            order.release();
          }
          Outbox.append(em, OmsTopics.ORDER_CHANGED, event(order));
          em.flush();
          return withPayments(em, order);
        });
  }

  @Override
  public Order close(String id, String user) {
    return change(id, OrderEntity::close);
  }

  private Order change(String id, java.util.function.Consumer<OrderEntity> change) {
    return tx.write(
        em -> {
          OrderEntity order = Entities.require(em, OrderEntity.class, id, "order");
          change.accept(order);
          Outbox.append(em, OmsTopics.ORDER_CHANGED, event(order));
          em.flush();
          return withPayments(em, order);
        });
  }

  /** The properties of an order event. */
  public static Map<String, Object> event(OrderEntity order) {
    Order o = order.toOrder();
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(OmsTopics.ORDER_ID, o.id());
    props.put(OmsTopics.CHANNEL, o.channel());
    if (o.externalId() != null) {
      props.put(OmsTopics.EXTERNAL_ID, o.externalId());
    }
    props.put(OmsTopics.STATUS, o.status().name());
    if (o.placedBy() != null) {
      props.put(OmsTopics.PLACED_BY, o.placedBy());
    }
    Money total = o.total();
    props.put("total", total.amount().toPlainString());
    props.put("currency", total.currency());
    return props;
  }
}
