package io.hanse.oms.api.payment;

import java.util.Optional;

/**
 * Reveals a vaulted card to a payment gateway at authorization. The vault hands this service only
 * to bundles that declare the manifest header {@link #GATEWAY_HEADER} and are allowed by the
 * vault's configuration; any other bundle never gets it.
 */
public interface CardDetokenizer {

  /** Manifest header a gateway bundle sets (to {@code true}) to ask for this service. */
  String GATEWAY_HEADER = "Hanse-Payment-Gateway";

  /**
   * The card behind {@code token}, with its security code if it has not been handed out before and
   * is still held (the vault keeps it in memory only, for a few minutes).
   */
  Optional<CardSecret> reveal(String token);
}
