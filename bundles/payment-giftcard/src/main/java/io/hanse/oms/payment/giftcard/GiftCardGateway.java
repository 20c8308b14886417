package io.hanse.oms.payment.giftcard;

import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.api.storage.Database;
import io.hanse.oms.payment.giftcard.TxnLog.Earlier;
import io.hanse.oms.payment.giftcard.TxnLog.Kind;
import java.time.Clock;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code giftcard} gateway: the source of an authorization is the card's code, the reference it
 * answers with is the hold's id. Each call runs in one transaction that first looks for its
 * idempotency key, so a retry (the core's after a crash, or the database's after a deadlock)
 * returns the first outcome and never moves money twice. The key is looked up before the code: a
 * retry of an authorization comes without the code, which the core keeps only in memory.
 */
@Component(
    service = PaymentGateway.class,
    property = {PaymentGateway.NAME + "=giftcard", PaymentGateway.TENDERS + "=giftcard"})
public class GiftCardGateway implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(GiftCardGateway.class);
  private final Database database;
  private final Redemptions redemptions;

  @Activate
  public GiftCardGateway(@Reference GiftCardSchema schema) {
    this(schema.database(), Clock.systemUTC());
  }

  GiftCardGateway(Database database, Clock clock) {
    this.database = database;
    this.redemptions = new Redemptions(clock);
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    return once(Kind.HOLD, request.idempotencyKey(), c -> redemptions.authorize(c, request));
  }

  @Override
  public GatewayResult capture(GatewayOperation operation) {
    return once(Kind.CAPTURE, operation.idempotencyKey(), c -> redemptions.capture(c, operation));
  }

  @Override
  public GatewayResult cancel(GatewayOperation operation) {
    return once(Kind.RELEASE, operation.idempotencyKey(), c -> redemptions.cancel(c, operation));
  }

  @Override
  public GatewayResult refund(GatewayOperation operation) {
    return once(Kind.REFUND, operation.idempotencyKey(), c -> redemptions.refund(c, operation));
  }

  private GatewayResult once(Kind kind, String key, Database.Work<GatewayResult> work) {
    GatewayResult result;
    try {
      result =
          database.inTransaction(
              c -> {
                Optional<Earlier> earlier = TxnLog.find(c, key, kind);
                return earlier.isPresent() ? earlier.get().result() : work.apply(c);
              });
    } catch (IllegalStateException e) {
      // the database failed for good: nothing was committed, the core asks again with the same key
      throw new PaymentUnavailableException("gift card database unavailable: " + e.getMessage(), e);
    }
    if (result.outcome() == GatewayResult.Outcome.DECLINED) {
      LOG.info("Gift card {} {} declined: {}", kind, result.reference(), result.code());
    } else {
      LOG.debug("Gift card {} {} approved", kind, result.reference());
    }
    return result;
  }
}
