/**
 * The card vault: the only code that ever sees a card number. Cards are validated, encrypted with
 * AES-256-GCM under versioned keys from a PKCS12 keystore outside the repository, and leave the
 * vault only as a token with brand, last four digits and expiry; gateway bundles alone may reveal
 * them. Nothing here is exported.
 */
package io.hanse.oms.payment.vault;
