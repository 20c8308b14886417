package io.hanse.oms.payment.offline;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.payment.AuthorizationRequest;
import io.hanse.oms.api.payment.GatewayOperation;
import io.hanse.oms.api.payment.GatewayResult;
import io.hanse.oms.payment.offline.AccountTable.Account;
import io.hanse.oms.payment.offline.AccountTxnLog.Kind;
import io.hanse.oms.payment.offline.AccountTxnLog.Txn;
import io.hanse.oms.payment.offline.AuthorizationTable.Authorization;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Orders on account, inside the caller's transaction: an authorization takes credit in one
 * conditional update, so concurrent orders never exceed the limit together; a capture raises an
 * invoice due after the customer's terms; a cancel gives the rest of the credit back; a refund
 * credits the order's invoices. Every outcome, declines included, is logged under the call's key.
 */
final class AccountCharges {
  private static final int MAX_CUSTOMER_ID = 64;
  private final Clock clock;

  AccountCharges(Clock clock) {
    this.clock = clock;
  }

  /** The call being answered, for its log row. */
  private record Call(Kind kind, Money amount, String key) {}

  /**
   * The account is the request's source, else the order's customer (the core sends no source for
   * this tender); an order can't be put on another customer's account.
   */
  GatewayResult authorize(Connection c, AuthorizationRequest r) throws SQLException {
    Instant now = clock.instant();
    Call call = new Call(Kind.AUTHORIZE, r.amount(), r.idempotencyKey());
    String source = trimmed(r.source());
    String customer = trimmed(r.customerId());
    if (source != null && customer != null && !source.equals(customer)) {
      return decline(
          c, call, null, null, "account_mismatch", "the order's customer is not this account");
    }
    String named = source != null ? source : customer;
    // no account has an id longer than the column; nor may one be logged with it
    String customerId = named != null && named.length() <= MAX_CUSTOMER_ID ? named : null;
    Optional<Account> found =
        customerId == null ? Optional.empty() : AccountTable.find(c, customerId);
    if (found.isEmpty()) {
      return decline(c, call, customerId, null, "no_account", "the customer has no account");
    }
    Account account = found.get();
    if (!account.currency().equals(r.amount().currency())) {
      return decline(
          c,
          call,
          customerId,
          null,
          "currency_mismatch",
          "the account is in " + account.currency());
    }
    if (r.amount().signum() <= 0) {
      return decline(c, call, customerId, null, "invalid_amount", "the amount must be positive");
    }
    if (!AccountTable.authorize(c, customerId, r.amount(), now)) {
      Account latest = AccountTable.find(c, customerId).orElseThrow();
      return decline(
          c,
          call,
          customerId,
          null,
          "credit_limit",
          "available on account: " + new Money(latest.available(), latest.currency()));
    }
    String id = AccountTxnLog.newId();
    AuthorizationTable.insert(
        c, id, customerId, r.orderId(), account.currency(), r.amount().amount(), now);
    // the authorization's log row has its id: the reference capture, cancel and refund come with
    return approve(
        c, new Txn(id, customerId, id, null, call.kind(), call.amount(), call.key()), id, null);
  }

  /** Invoices part of the authorization; a final capture also releases the rest. */
  GatewayResult capture(Connection c, GatewayOperation op) throws SQLException {
    Instant now = clock.instant();
    Call call = new Call(Kind.CAPTURE, op.amount(), op.idempotencyKey());
    Optional<Authorization> found = AuthorizationTable.find(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    Authorization auth = found.get();
    BigDecimal amount = op.amount().amount();
    if (!AuthorizationTable.invoice(c, auth.id(), amount)) {
      Authorization latest = AuthorizationTable.find(c, auth.id()).orElseThrow();
      return decline(
          c,
          call,
          auth.customerId(),
          auth.id(),
          "exceeds_authorization",
          "only " + new Money(latest.remaining(), latest.currency()) + " is authorized");
    }
    AccountTable.invoice(c, auth.customerId(), amount, now);
    int terms = AccountTable.find(c, auth.customerId()).orElseThrow().termsDays();
    LocalDate due = LocalDate.now(clock).plusDays(terms);
    String invoiceId = AccountTxnLog.newId();
    InvoiceTable.insert(c, invoiceId, auth, amount, now, due);
    if (op.finalCapture()) {
      releaseRest(c, new Call(Kind.RELEASE, op.amount(), null), auth.id());
    }
    // the invoice is the capture's reference
    Txn txn =
        new Txn(
            AccountTxnLog.newId(),
            auth.customerId(),
            auth.id(),
            invoiceId,
            call.kind(),
            call.amount(),
            call.key());
    return approve(c, txn, invoiceId, "invoice " + invoiceId + " due " + due);
  }

  /** Releases whatever is still authorized, whatever the core believes is left. */
  GatewayResult cancel(Connection c, GatewayOperation op) throws SQLException {
    Call call = new Call(Kind.RELEASE, op.amount(), op.idempotencyKey());
    Optional<Authorization> found = AuthorizationTable.lock(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    return releaseRest(c, call, found.get().id());
  }

  /**
   * Credits the order's invoices (see {@link CreditPlan}), never more than was invoiced and not yet
   * refunded; what the customer owes drops by as much (below zero when the invoices were already
   * paid: a credit on account).
   */
  GatewayResult refund(Connection c, GatewayOperation op) throws SQLException {
    Call call = new Call(Kind.REFUND, op.amount(), op.idempotencyKey());
    Optional<Authorization> found = AuthorizationTable.find(c, op.reference());
    Optional<GatewayResult> refused = refuse(c, call, found);
    if (refused.isPresent()) {
      return refused.get();
    }
    Authorization auth = found.get();
    BigDecimal amount = op.amount().amount();
    if (!AuthorizationTable.refund(c, auth.id(), amount)) {
      Authorization latest = AuthorizationTable.find(c, auth.id()).orElseThrow();
      return decline(
          c,
          call,
          auth.customerId(),
          auth.id(),
          "exceeds_invoiced",
          "at most " + new Money(latest.refundable(), latest.currency()) + " can be refunded");
    }
    // the update above holds the authorization's lock: no other credit to its invoices runs now
    BigDecimal left = amount;
    Map<String, BigDecimal> plan =
        CreditPlan.spread(amount, InvoiceTable.ofAuthorization(c, auth.id()));
    for (Map.Entry<String, BigDecimal> part : plan.entrySet()) {
      if (InvoiceTable.credit(c, part.getKey(), part.getValue())) {
        left = left.subtract(part.getValue());
      }
    }
    if (left.signum() != 0) {
      throw new IllegalStateException(
          "invoices of authorization " + auth.id() + " cannot take back " + left);
    }
    AccountTable.reduceOpen(c, auth.customerId(), amount, clock.instant());
    String id = AccountTxnLog.newId();
    Txn txn =
        new Txn(id, auth.customerId(), auth.id(), null, call.kind(), call.amount(), call.key());
    return approve(c, txn, id, "credited to the order's invoices");
  }

  private GatewayResult releaseRest(Connection c, Call call, String authorizationId)
      throws SQLException {
    Authorization auth = AuthorizationTable.lock(c, authorizationId).orElseThrow();
    BigDecimal rest = auth.remaining();
    if (rest.signum() > 0) {
      AuthorizationTable.release(c, auth.id(), rest);
      AccountTable.release(c, auth.customerId(), rest, clock.instant());
    }
    String id = AccountTxnLog.newId();
    Txn txn =
        new Txn(
            id,
            auth.customerId(),
            auth.id(),
            null,
            call.kind(),
            new Money(rest, auth.currency()),
            call.key());
    return approve(c, txn, id, null);
  }

  /** Why an operation on an authorization can't go ahead, if it can't. */
  private Optional<GatewayResult> refuse(Connection c, Call call, Optional<Authorization> found)
      throws SQLException {
    if (found.isEmpty()) {
      return Optional.of(
          decline(
              c, call, null, null, "unknown_authorization", "no authorization has this reference"));
    }
    Authorization a = found.get();
    if (!a.currency().equals(call.amount().currency())) {
      return Optional.of(
          decline(
              c,
              call,
              a.customerId(),
              a.id(),
              "currency_mismatch",
              "the authorization is in " + a.currency()));
    }
    if (call.kind() != Kind.RELEASE && call.amount().signum() <= 0) {
      return Optional.of(
          decline(
              c, call, a.customerId(), a.id(), "invalid_amount", "the amount must be positive"));
    }
    return Optional.empty();
  }

  private GatewayResult approve(Connection c, Txn txn, String reference, String message)
      throws SQLException {
    GatewayResult result =
        new GatewayResult(GatewayResult.Outcome.APPROVED, reference, null, message);
    AccountTxnLog.append(c, txn, result, clock.instant());
    return result;
  }

  private GatewayResult decline(
      Connection c, Call call, String customerId, String authorizationId, String code, String why)
      throws SQLException {
    String id = AccountTxnLog.newId();
    GatewayResult result = GatewayResult.declined(id, code, why);
    Txn txn =
        new Txn(id, customerId, authorizationId, null, call.kind(), call.amount(), call.key());
    AccountTxnLog.append(c, txn, result, clock.instant());
    return result;
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
