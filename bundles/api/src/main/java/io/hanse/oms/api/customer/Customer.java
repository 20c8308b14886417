package io.hanse.oms.api.customer;

import java.time.Instant;
import java.util.List;

/** A customer as a service agent sees it. */
public record Customer(
    String id,
    String email,
    String name,
    String phone,
    List<Address> addresses,
    List<CustomerNote> notes,
    Instant createdAt) {}
