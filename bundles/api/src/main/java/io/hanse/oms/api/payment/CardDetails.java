package io.hanse.oms.api.payment;

/**
 * A card as a customer enters it, on its way into the vault. Never logged, never stored outside the
 * vault; {@link #toString()} shows nothing of it.
 *
 * @param number the card number (PAN), digits, spaces and dashes allowed
 * @param expMonth 1–12
 * @param expYear four digits
 * @param cvc the card security code; kept in memory until the first authorization, never stored
 */
public record CardDetails(String number, int expMonth, int expYear, String cvc) {

  @Override
  public String toString() {
    return "CardDetails[redacted]";
  }
}
