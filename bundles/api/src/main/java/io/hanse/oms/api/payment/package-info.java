/**
 * Payments: the gateway SPI every card processor and tender implements ({@link
 * io.hanse.oms.api.payment.PaymentGateway}), the card vault ({@link
 * io.hanse.oms.api.payment.CardVault}), gift cards, on-account credit, and the payments recorded on
 * orders ({@link io.hanse.oms.api.payment.PaymentService}).
 */
package io.hanse.oms.api.payment;
