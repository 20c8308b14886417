package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;

/**
 * A customer's on-account (invoice) terms and what they owe.
 *
 * @param customerId the customer
 * @param creditLimit the most they may owe, including authorized orders not yet invoiced
 * @param termsDays days from invoice to due date (net 30)
 * @param openBalance invoiced and not yet paid
 * @param authorized authorized for orders, not yet invoiced
 * @param available what they may still buy on account
 */
public record CustomerAccount(
    String customerId,
    Money creditLimit,
    int termsDays,
    Money openBalance,
    Money authorized,
    Money available) {}
