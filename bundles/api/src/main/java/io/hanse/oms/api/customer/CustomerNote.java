package io.hanse.oms.api.customer;

import java.time.Instant;

/** A note a service agent left on a customer. */
public record CustomerNote(String text, String author, Instant at) {}
