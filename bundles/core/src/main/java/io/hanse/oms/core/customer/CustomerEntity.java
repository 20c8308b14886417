package io.hanse.oms.core.customer;

import static io.hanse.oms.core.internal.TableRows.Type.BIGINT;
import static io.hanse.oms.core.internal.TableRows.Type.INTEGER;
import static io.hanse.oms.core.internal.TableRows.Type.TIMESTAMP;
import static io.hanse.oms.core.internal.TableRows.Type.VARCHAR;

import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.customer.Customer;
import io.hanse.oms.api.customer.CustomerNote;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.internal.JdbcReads;
import io.hanse.oms.core.internal.TableRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  /** New customers' rows as the mapping writes them, for a batch of new orders written at once. */
  public static final TableRows<CustomerEntity> ROWS =
      TableRows.<CustomerEntity>of("oms_customer")
          .column("id", VARCHAR, c -> c.id)
          .column("email", VARCHAR, c -> c.email)
          .column("name", VARCHAR, c -> c.name)
          .column("phone", VARCHAR, c -> c.phone)
          .column("search_text", VARCHAR, c -> c.searchText)
          .column("created_at", TIMESTAMP, c -> c.createdAt)
          .column("version", BIGINT, c -> c.version);

  /** One of a new customer's addresses, at its position in the list. */
  public record AddressRow(String customerId, int position, Address address) {}

  /** New customers' addresses as the mapping writes them. */
  public static final TableRows<AddressRow> ADDRESS_ROWS =
      TableRows.<AddressRow>of("oms_customer_address")
          .column("customer_id", VARCHAR, AddressRow::customerId)
          .column("position", INTEGER, AddressRow::position)
          .column("line1", VARCHAR, a -> a.address().line1())
          .column("line2", VARCHAR, a -> a.address().line2())
          .column("city", VARCHAR, a -> a.address().city())
          .column("region", VARCHAR, a -> a.address().region())
          .column("postal_code", VARCHAR, a -> a.address().postalCode())
          .column("country", VARCHAR, a -> a.address().country());

  /** This customer's addresses as rows, for {@link #ADDRESS_ROWS}. */
  public List<AddressRow> addressRows() {
    List<AddressRow> rows = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      rows.add(new AddressRow(id, i, addresses.get(i).toAddress()));
    }
    return rows;
  }

  /**
   * The query of the customers with {@code emails} (normalized), into {@code into} by email, as
   * copies that no persistence context manages: a batch of new orders reads them with its products.
   * Their addresses are not read. A name or phone {@link #complete}d on a copy must be written
   * through the managed customer.
   */
  public static Optional<JdbcReads.Read> reading(
      Collection<String> emails, Map<String, CustomerEntity> into) {
    List<String> padded = InLists.padded(emails);
    if (padded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new JdbcReads.Read(
            "select id, email, name, phone, search_text, created_at, version"
                + " from oms_customer where email in ("
                + InLists.placeholders(padded.size())
                + ")",
            (ps, first) -> InLists.bind(ps, first, padded),
            rs -> {
              CustomerEntity c = new CustomerEntity();
              c.id = rs.getString(1);
              c.email = rs.getString(2);
              c.name = rs.getString(3);
              c.phone = rs.getString(4);
              c.searchText = rs.getString(5);
              Timestamp created = rs.getTimestamp(6);
              c.createdAt = created == null ? null : created.toInstant();
              c.version = rs.getLong(7);
              into.putIfAbsent(c.email, c);
            }));
  }

  public String phone() {
    return phone;
  }

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
