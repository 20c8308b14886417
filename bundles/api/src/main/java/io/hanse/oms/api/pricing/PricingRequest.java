package io.hanse.oms.api.pricing;

import java.util.List;

/** Everything a price calculator may look at: where the order came from, who, and what. */
public record PricingRequest(
    String channel, String sourceCode, String customerEmail, List<PricingLine> lines) {}
