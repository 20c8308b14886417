package io.hanse.oms.api.payment;

import io.hanse.oms.api.Money;
import java.time.Instant;
import java.util.List;

/**
 * A tender of an order with what has happened to it. Shows a card only as brand and last four
 * digits, a gift card only as its last four characters.
 *
 * @param id the payment's id
 * @param tender card, gift card, check or account
 * @param gateway the gateway that handles it ({@code simulator}, {@code stripe}, {@code giftcard},
 *     {@code check}, {@code account})
 * @param display what it is, safe to show: {@code visa •••• 4242}, {@code gift card ••••7KQ2},
 *     {@code check 1042}, {@code on account}
 * @param amount what this tender pays of the order
 * @param authorized reserved at the gateway
 * @param captured taken so far
 * @param refunded given back so far
 * @param reference the gateway's reference of the authorization
 * @param declineReason why the gateway refused it, when it did
 */
public record Payment(
    String id,
    String orderId,
    Tender tender,
    String gateway,
    String display,
    Money amount,
    Money authorized,
    Money captured,
    Money refunded,
    PaymentStatus status,
    String reference,
    String declineReason,
    List<PaymentOperation> operations,
    Instant createdAt) {}
