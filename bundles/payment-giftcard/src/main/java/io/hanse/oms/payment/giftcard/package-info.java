/**
 * Gift cards and store credit: the {@code GiftCardService} and the {@code giftcard} payment gateway
 * that spends them, on the bundle's own tables. Nothing here is exported.
 */
package io.hanse.oms.payment.giftcard;
