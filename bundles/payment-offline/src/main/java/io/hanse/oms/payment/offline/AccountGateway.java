package io.hanse.oms.payment.offline;

import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.api.payment.PaymentGateway;
import io.hanse.oms.api.payment.PaymentUnavailableException;
import io.hanse.oms.api.storage.Database;
import io.hanse.oms.payment.offline.AccountTxnLog.Kind;
import java.time.Clock;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code account} gateway: puts an order on its customer's account (authorize), invoices it as
 * it ships (capture), and credits refunds to its invoices. Each call runs in one transaction that
 * first looks for its idempotency key, so a retry returns the first outcome and never takes credit
 * or raises an invoice twice.
 */
@Component(
    service = PaymentGateway.class,
    configurationPid = AccountConfig.PID,
    property = {PaymentGateway.NAME + "=account", PaymentGateway.TENDERS + "=account"})
public class AccountGateway implements PaymentGateway {
  private static final Logger LOG = LoggerFactory.getLogger(AccountGateway.class);
  private final Database database;
  private final AccountCharges charges;

  /** Invoice and due dates are days of the configured zone. */
  @Activate
  public AccountGateway(@Reference AccountSchema schema, AccountConfig config) {
    this(schema.database(), AccountClock.of(config));
  }

  AccountGateway(Database database, Clock clock) {
    this.database = database;
    this.charges = new AccountCharges(clock);
  }

  @Override
  public GatewayResult authorize(AuthorizationRequest request) {
    return once(Kind.AUTHORIZE, request.idempotencyKey(), c -> charges.authorize(c, request));
  }

  @Override
  public GatewayResult capture(GatewayOperation operation) {
    return once(Kind.CAPTURE, operation.idempotencyKey(), c -> charges.capture(c, operation));
  }

  @Override
  public GatewayResult cancel(GatewayOperation operation) {
    return once(Kind.RELEASE, operation.idempotencyKey(), c -> charges.cancel(c, operation));
  }

  @Override
  public GatewayResult refund(GatewayOperation operation) {
    return once(Kind.REFUND, operation.idempotencyKey(), c -> charges.refund(c, operation));
  }

  private GatewayResult once(Kind kind, String key, Database.Work<GatewayResult> work) {
    GatewayResult result;
    try {
      result =
          database.inTransaction(
              c -> {
                Optional<GatewayResult> earlier = AccountTxnLog.find(c, key, kind);
                return earlier.isPresent() ? earlier.get() : work.apply(c);
              });
    } catch (IllegalStateException e) {
      // the database failed for good: nothing was committed, the core asks again with the same key
      throw new PaymentUnavailableException("account database unavailable: " + e.getMessage(), e);
    }
    if (result.outcome() == GatewayResult.Outcome.DECLINED) {
      LOG.info("Account {} {} declined: {}", kind, result.reference(), result.code());
    } else {
      LOG.debug("Account {} {} approved", kind, result.reference());
    }
    return result;
  }
}
