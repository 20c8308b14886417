package io.hanse.oms.core.payment;

import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GiftCardCodes;
import io.hanse.oms.api.payment.PaymentInstruction;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tender checked before the order's transaction: its gateway chosen, a vault token looked up,
 * what may be shown of it worked out. A gift card is kept by its code's hash, never by its code.
 */
public record PreparedPayment(
    Tender tender, String gateway, String source, String display, BigDecimal amount) {
  /** The most tenders one order may be split over. */
  static final int MAX_TENDERS = 5;

  @Override
  public String toString() {
    return tender.code() + " via " + gateway + " " + display;
  }

  /**
   * Checks the tenders of a submission.
   *
   * @throws ValidationException naming every fault
   */
  public static List<PreparedPayment> prepare(
      List<PaymentInstruction> instructions, Gateways gateways, Optional<CardVault> vault) {
    Checks checks =
        new Checks()
            .that(
                instructions.size() <= MAX_TENDERS,
                "payments: at most " + MAX_TENDERS + " tenders per order");
    checks.orThrow();
    List<PreparedPayment> prepared = new ArrayList<>();
    int withoutAmount = 0;
    for (PaymentInstruction p : instructions) {
      if (p == null || p.method() == null) {
        throw new ValidationException(
            "payments.method is required: card, giftcard, check or account");
      }
      if (p.amount() != null && p.amount().signum() <= 0) {
        throw new ValidationException("payments.amount must be positive");
      }
      withoutAmount += p.amount() == null ? 1 : 0;
      prepared.add(prepare(p, gateways, vault));
    }
    if (withoutAmount > 1) {
      throw new ValidationException("payments: only one tender may leave out its amount");
    }
    return prepared;
  }

  private static PreparedPayment prepare(
      PaymentInstruction p, Gateways gateways, Optional<CardVault> vault) {
    return switch (p.method()) {
      case CARD -> card(p, gateways, vault);
      case GIFTCARD -> {
        String code = required("payments.code (the gift card's code)", p.code(), 64);
        String normal =
            GiftCardCodes.normalise(code)
                .orElseThrow(
                    () -> new ValidationException("payments.code is not a gift card code"));
        // the payment keeps the code's hash, never the code: enough to find the card again
        yield new PreparedPayment(
            Tender.GIFTCARD,
            gateways.nameFor(Tender.GIFTCARD, null),
            GiftCardCodes.REFERENCE_PREFIX + GiftCardCodes.hash(normal),
            "gift card ••••" + normal.substring(normal.length() - 4),
            p.amount());
      }
      case CHECK -> {
        String number =
            required(
                "payments.reference (the check number)",
                p.reference() != null ? p.reference() : p.code(),
                32);
        yield new PreparedPayment(
            Tender.CHECK,
            gateways.nameFor(Tender.CHECK, null),
            number,
            "check " + number,
            p.amount());
      }
      case ACCOUNT ->
          new PreparedPayment(
              Tender.ACCOUNT,
              gateways.nameFor(Tender.ACCOUNT, null),
              null,
              "on account",
              p.amount());
    };
  }

  private static PreparedPayment card(
      PaymentInstruction p, Gateways gateways, Optional<CardVault> vault) {
    String token =
        required("payments.token (a card token from POST /api/v1/vault/cards)", p.token(), 200);
    String display;
    if (CardToken.isVaultToken(token)) {
      CardToken card =
          vault
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "card payments need the card vault (hanse-payment-vault)"))
              .find(token)
              .orElseThrow(() -> new ValidationException("payments.token: unknown card token"));
      display = card.display();
    } else if (token.startsWith("pm_")) {
      display = "card (stripe payment method)";
    } else {
      throw new ValidationException(
          "payments.token must be a vault token (tok_…) or a Stripe payment method (pm_…)");
    }
    return new PreparedPayment(
        Tender.CARD, gateways.nameFor(Tender.CARD, token), token, display, p.amount());
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field + " is required");
    }
    if (value.length() > max) {
      throw new ValidationException(field + " is longer than " + max + " characters");
    }
    return value.trim();
  }
}
