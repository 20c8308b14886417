package io.hanse.oms.api.returns;

import io.hanse.oms.api.Money;
import java.time.Instant;
import java.util.List;

/**
 * A return merchandise authorization.
 *
 * @param refundId the refund made when it was received, if any
 * @param refunded what was refunded
 */
public record Rma(
    String id,
    String orderId,
    RmaStatus status,
    String reason,
    List<RmaLine> lines,
    String refundId,
    Money refunded,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
