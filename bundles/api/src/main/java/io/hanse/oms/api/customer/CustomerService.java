package io.hanse.oms.api.customer;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Customers. Orders create their customer by email when it is new. */
public interface CustomerService {

  /**
   * Creates a customer.
   *
   * @throws ConflictException when a customer already has this email
   */
  Customer create(CustomerSpec spec);

  /**
   * Replaces a customer's contact details.
   *
   * @throws NotFoundException for an unknown id
   */
  Customer update(String id, CustomerSpec spec);

  Optional<Customer> find(String id);

  /** Customers whose email, name or phone contains the query, at most {@code limit}. */
  List<Customer> search(String query, int limit);

  Customer addNote(String id, String text, String author);
}
