package io.hanse.oms.payment.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement descriptor of card payments. Stripe refuses {@code statement_descriptor} for card
 * charges, so the configured text is sent as {@code statement_descriptor_suffix}, which Stripe
 * appends to the account's prefix; it must be Latin, at most 22 characters, and free of {@code < >
 * \ ' " *}.
 */
final class StripeDescriptors {
  private static final Logger LOG = LoggerFactory.getLogger(StripeDescriptors.class);
  private static final int MAX = 22;

  private StripeDescriptors() {}

  /** The configured descriptor as Stripe takes it, or {@code null} for the account's default. */
  static String suffix(String configured) {
    if (configured == null || configured.isBlank()) {
      return null;
    }
    String cleaned =
        configured.replaceAll("[<>\\\\'\"*]", "").replaceAll("[^\\x20-\\x7E]", "").trim();
    if (cleaned.length() > MAX) {
      cleaned = cleaned.substring(0, MAX).trim();
    }
    if (!cleaned.equals(configured.trim())) {
      LOG.warn("statementDescriptor shortened to what Stripe accepts: '{}'", cleaned);
    }
    return cleaned.isEmpty() ? null : cleaned;
  }
}
