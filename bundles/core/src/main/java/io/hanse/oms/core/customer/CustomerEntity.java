package io.hanse.oms.core.customer;

import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.customer.Customer;
import io.hanse.oms.api.customer.CustomerNote;
import io.hanse.oms.core.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A customer, identified by a lower-cased email. */
@Entity
@Table(name = "oms_customer")
public class CustomerEntity {
  @Id private String id;
  private String email;
  private String name;
  private String phone;

  /** Email, name and phone lower-cased in one column, for the agents' search box. */
  @Column(name = "search_text")
  private String searchText;

  @ElementCollection
  @CollectionTable(name = "oms_customer_address", joinColumns = @JoinColumn(name = "customer_id"))
  @OrderColumn(name = "position")
  private List<AddressEmbeddable> addresses = new ArrayList<>();

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  protected CustomerEntity() {}

  public CustomerEntity(String email) {
    this.id = Ids.next();
    this.email = normalizeEmail(email);
    this.createdAt = Instant.now();
    this.searchText = this.email;
  }

  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public void update(String name, String phone, List<Address> addresses) {
    this.name = name;
    this.phone = phone;
    if (addresses != null) {
      this.addresses.clear();
      addresses.forEach(a -> this.addresses.add(new AddressEmbeddable(a)));
    }
    this.searchText =
        String.join(" ", email, name == null ? "" : name, phone == null ? "" : phone)
            .toLowerCase(Locale.ROOT)
            .trim();
  }

  /** Fills in a name or phone the customer did not have; never overwrites one. */
  public void complete(String name, String phone) {
    update(
        this.name == null || this.name.isBlank() ? name : this.name,
        this.phone == null || this.phone.isBlank() ? phone : this.phone,
        null);
  }

  public String id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Customer toCustomer(List<CustomerNote> notes) {
    return new Customer(
        id,
        email,
        name,
        phone,
        addresses.stream().map(AddressEmbeddable::toAddress).toList(),
        notes,
        createdAt);
  }
}
