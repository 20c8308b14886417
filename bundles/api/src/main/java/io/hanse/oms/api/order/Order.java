package io.hanse.oms.api.order;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.payment.Payment;
import java.time.Instant;
import java.util.List;

/** An order as every interface shows it, with its payments (tender, amount, status). */
public record Order(
    String id,
    String channel,
    String externalId,
    String sourceCode,
    String department,
    OrderStatus status,
    String holdReason,
    String customerId,
    String customerEmail,
    String customerName,
    Address shippingAddress,
    Money total,
    List<OrderLine> lines,
    List<Shipment> shipments,
    String placedBy,
    Instant createdAt,
    Instant updatedAt,
    List<Payment> payments) {}
