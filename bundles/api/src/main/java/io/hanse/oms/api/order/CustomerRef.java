package io.hanse.oms.api.order;

/** The customer as an order names them; the email finds or creates the customer. */
public record CustomerRef(String email, String name, String phone) {}
