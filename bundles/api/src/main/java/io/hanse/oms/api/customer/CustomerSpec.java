package io.hanse.oms.api.customer;

import java.util.List;

/** A customer's contact details as a caller sends them. The email identifies the customer. */
public record CustomerSpec(String email, String name, String phone, List<Address> addresses) {}
