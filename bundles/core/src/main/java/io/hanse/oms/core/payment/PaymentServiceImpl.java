package io.hanse.oms.core.payment;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.Money;
import io.hanse.oms.api.Page;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.channel.WebhookRequest;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GatewayEvent;
import io.hanse.oms.api.payment.GatewayEventResult;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.IssuedGiftCard;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentInstruction;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.PaymentWebhooks;
import io.hanse.oms.api.payment.Refund;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.Transactions;
import io.hanse.oms.core.order.OrderEntity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Payments as people see and handle them: lists, refunds, another tender, checks. */
@Component(service = PaymentService.class)
public class PaymentServiceImpl implements PaymentService {
  private final Transactions tx;
  private final Gateways gateways;
  private final PaymentExecutor executor;
  private final OrderService orders;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CardVault vault;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile GiftCardService giftCards;

  @Activate
  public PaymentServiceImpl(
      @Reference Transactions tx,
      @Reference Gateways gateways,
      @Reference PaymentExecutor executor,
      @Reference OrderService orders) {
    this.tx = tx;
    this.gateways = gateways;
    this.executor = executor;
    this.orders = orders;
  }

  @Override
  public List<Payment> forOrder(String orderId) {
    return tx.read(
        em -> {
          Entities.require(em, OrderEntity.class, orderId, "order");
          return OrderPayments.views(em, List.of(orderId)).getOrDefault(orderId, List.of());
        });
  }

  @Override
  public Payment get(String paymentId) {
    return tx.read(
        em -> {
          PaymentEntity p = Entities.require(em, PaymentEntity.class, paymentId, "payment");
          return OrderPayments.views(em, List.of(p.orderId())).get(p.orderId()).stream()
              .filter(v -> v.id().equals(paymentId))
              .findFirst()
              .orElseThrow();
        });
  }

  @Override
  public Page<Payment> list(PaymentStatus status, int offset, int limit) {
    int size = Math.max(1, Math.min(limit <= 0 ? 50 : limit, Page.MAX_SIZE));
    int from = Math.max(0, offset);
    return tx.read(
        em -> {
          var q =
              em.createQuery(
                  "select p.id, p.orderId from PaymentEntity p"
                      + (status == null ? "" : " where p.status = :s")
                      + " order by p.createdAt desc, p.id desc",
                  Object[].class);
          if (status != null) {
            q.setParameter("s", status);
          }
          List<Object[]> rows = q.setFirstResult(from).setMaxResults(size + 1).getResultList();
          boolean more = rows.size() > size;
          List<Object[]> shown = more ? rows.subList(0, size) : rows;
          Map<String, List<Payment>> views =
              OrderPayments.views(em, shown.stream().map(r -> (String) r[1]).distinct().toList());
          List<Payment> payments =
              shown.stream()
                  .map(
                      r ->
                          views.get((String) r[1]).stream()
                              .filter(p -> p.id().equals(r[0]))
                              .findFirst()
                              .orElseThrow())
                  .toList();
          return new Page<>(payments, from / size, size, more);
        });
  }

  @Override
  public Payment addPayment(String orderId, PaymentInstruction instruction, String user) {
    new Checks().required("payment", instruction).orThrow();
    List<PreparedPayment> tenders =
        PreparedPayment.prepare(List.of(instruction), gateways, Optional.ofNullable(vault));
    String added =
        tx.write(
            em -> {
              OrderEntity order =
                  em.find(OrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
              if (order == null) {
                throw new io.hanse.oms.api.NotFoundException("order", orderId);
              }
              if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.CLOSED) {
                throw new ConflictException("order " + orderId + " is " + order.status());
              }
              return OrderPayments.add(em, order, tenders, OrderPayments.AWAITING_AUTHORIZATION)
                  .id();
            });
    settle(orderId);
    return get(added);
  }

  private void settle(String orderId) {
    if (executor.run(orderId) == PaymentExecutor.Outcome.RETAKE) {
      orders.release(orderId, "payments");
    }
  }

  @Override
  public Refund refund(
      String orderId,
      Money amount,
      String reason,
      boolean storeCredit,
      String idempotencyKey,
      String user) {
    new Checks()
        .required("amount", amount)
        .required("idempotencyKey", idempotencyKey)
        .maxLength("idempotencyKey", idempotencyKey, 200)
        .maxLength("reason", reason, 500)
        .orThrow();
    if (amount.signum() <= 0) {
      throw new ValidationException("amount must be positive");
    }
    GiftCardService cards = giftCards;
    if (storeCredit && cards == null) {
      throw new ValidationException(
          "store credit needs the gift card plugin (hanse-payment-giftcard)");
    }
    String refundId =
        tx.write(
            em -> {
              OrderEntity order =
                  em.find(OrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
              if (order == null) {
                throw new io.hanse.oms.api.NotFoundException("order", orderId);
              }
              RefundEntity earlier = find(em, orderId, idempotencyKey);
              if (earlier != null) {
                if (earlier.storeCredit() != storeCredit
                    || earlier.amount().amount().compareTo(amount.amount()) != 0) {
                  throw new io.hanse.oms.api.IdempotencyKeyReusedException(idempotencyKey);
                }
                return earlier.id();
              }
              if (!amount.currency().equals(order.total().currency())) {
                throw new ValidationException(
                    "the order is paid in "
                        + order.total().currency()
                        + ", not "
                        + amount.currency());
              }
              BigDecimal refundable = refundable(em, orderId);
              if (amount.amount().compareTo(refundable) > 0) {
                throw new ValidationException(
                    "at most "
                        + new Money(refundable, amount.currency())
                        + " of order "
                        + orderId
                        + " can be refunded (captured and not yet refunded)");
              }
              RefundEntity refund =
                  new RefundEntity(orderId, idempotencyKey, amount, reason, storeCredit, user);
              em.persist(refund);
              if (!storeCredit) {
                spread(em, refund, amount.amount());
              }
              em.flush();
              return refund.id();
            });
    // what the refund was recorded as decides, not this request (a replay may say otherwise)
    boolean recordedAsCredit = tx.read(em -> em.find(RefundEntity.class, refundId).storeCredit());
    IssuedGiftCard credit = recordedAsCredit ? storeCredit(cards, refundId) : null;
    settle(orderId);
    return view(refundId, credit);
  }

  private static RefundEntity find(EntityManager em, String orderId, String key) {
    return em.createQuery(
            "select r from RefundEntity r where r.orderId = :o and r.idempotencyKey = :k",
            RefundEntity.class)
        .setParameter("o", orderId)
        .setParameter("k", key)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * Captured, less what was refunded (here or at the gateway), what is being refunded, and what
   * went onto store credit.
   */
  static BigDecimal refundable(EntityManager em, String orderId) {
    em.flush();
    BigDecimal open = BigDecimal.ZERO;
    // locked before the pending operations are read: a refund recorded meanwhile is then either
    // still pending or already in the payment's refunded amount, never in neither
    for (PaymentEntity p : OrderPayments.paymentsLocked(em, orderId)) {
      open =
          open.add(p.captured().amount())
              .subtract(p.refunded().amount())
              .subtract(OrderPayments.pending(em, p.id(), OperationType.REFUND));
    }
    BigDecimal credited =
        em.createQuery(
                "select coalesce(sum(r.amount), 0) from RefundEntity r"
                    + " where r.orderId = :o and r.storeCredit = true",
                BigDecimal.class)
            .setParameter("o", orderId)
            .getSingleResult();
    return open.subtract(credited);
  }

  @Override
  public GatewayEventResult receiveWebhook(String gateway, WebhookRequest request) {
    PaymentWebhooks receiver =
        gateways
            .webhooks(gateway)
            .orElseThrow(() -> new io.hanse.oms.api.NotFoundException("payment gateway", gateway));
    GatewayEvent event = receiver.receive(request);
    return tx.write(em -> GatewayEventRecorder.record(em, gateway, event));
  }

  /** Spreads a refund over the tenders in the order they were paid, each up to what it took. */
  private static void spread(EntityManager em, RefundEntity refund, BigDecimal amount) {
    BigDecimal remaining = amount;
    for (PaymentEntity p : OrderPayments.payments(em, refund.orderId())) {
      if (remaining.signum() <= 0) {
        break;
      }
      BigDecimal open =
          p.captured()
              .amount()
              .subtract(p.refunded().amount())
              .subtract(OrderPayments.pending(em, p.id(), OperationType.REFUND));
      BigDecimal part = remaining.min(open);
      if (part.signum() > 0) {
        String why = refund.reason() == null ? "refund" : refund.reason();
        em.persist(
            new PaymentOperationEntity(p, OperationType.REFUND, part, why).refund(refund.id()));
        remaining = remaining.subtract(part);
      }
    }
    if (remaining.signum() > 0) {
      // a refund that failed earlier freed money no single tender can take back any more
      throw new ConflictException(
          "the tenders of order " + refund.orderId() + " cannot take back " + remaining);
    }
  }

  private IssuedGiftCard storeCredit(GiftCardService cards, String refundId) {
    RefundEntity refund = tx.read(em -> em.find(RefundEntity.class, refundId));
    IssuedGiftCard card =
        cards.issue(refund.amount(), null, "store-credit", "refund:" + refund.id());
    tx.write(
        em -> {
          em.find(RefundEntity.class, refundId).giftCard(card.card().id());
          return null;
        });
    return card;
  }

  private Refund view(String refundId, IssuedGiftCard credit) {
    return tx.read(
        em -> {
          RefundEntity r = em.find(RefundEntity.class, refundId);
          List<PaymentOperation> ops =
              em
                  .createQuery(
                      "select o from PaymentOperationEntity o where o.refundId = :r"
                          + " order by o.createdAt, o.id",
                      PaymentOperationEntity.class)
                  .setParameter("r", refundId)
                  .getResultList()
                  .stream()
                  .map(o -> o.toOperation(r.amount().currency()))
                  .toList();
          return new Refund(r.id(), r.orderId(), r.amount(), r.reason(), ops, credit);
        });
  }

  @Override
  public Payment settleCheck(String paymentId, boolean cleared, String user) {
    String orderId =
        tx.write(
            em -> {
              PaymentEntity p =
                  em.find(PaymentEntity.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
              if (p == null) {
                throw new io.hanse.oms.api.NotFoundException("payment", paymentId);
              }
              if (p.tender() != Tender.CHECK || p.status() != PaymentStatus.AWAITING_CLEARANCE) {
                throw new ConflictException(
                    "payment "
                        + paymentId
                        + " is not a check awaiting clearance ("
                        + p.status()
                        + ")");
              }
              PaymentOperationEntity op =
                  new PaymentOperationEntity(
                      p,
                      OperationType.CAPTURE,
                      p.amount().amount(),
                      (cleared ? "check cleared" : "check bounced") + " (" + user + ")");
              if (cleared) {
                op.succeeded(p.reference(), "cleared");
                p.cleared();
              } else {
                op.failed(p.reference(), "bounced");
                p.declined("check bounced");
              }
              em.persist(op);
              return p.orderId();
            });
    settle(orderId);
    return get(paymentId);
  }
}
