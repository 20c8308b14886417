/**
 * Offline tenders: checks (pending until they clear) and on-account invoices with credit limits and
 * payment terms, as payment gateways and the {@code AccountService}. Nothing here is exported.
 */
package io.hanse.oms.payment.offline;
