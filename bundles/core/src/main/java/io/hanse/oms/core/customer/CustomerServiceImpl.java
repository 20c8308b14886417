package io.hanse.oms.core.customer;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.customer.Address;
import io.hanse.oms.api.customer.Customer;
import io.hanse.oms.api.customer.CustomerNote;
import io.hanse.oms.api.customer.CustomerService;
import io.hanse.oms.api.customer.CustomerSpec;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Entities;
import io.hanse.oms.core.internal.Transactions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Customers and their notes. */
@Component(service = CustomerService.class)
public class CustomerServiceImpl implements CustomerService {
  static final int MAX_ADDRESSES = 20;

  private final Transactions tx;

  @Activate
  public CustomerServiceImpl(@Reference Transactions tx) {
    this.tx = tx;
  }

  @Override
  public Customer create(CustomerSpec spec) {
    check(spec);
    return tx.write(
        em -> {
          if (findByEmail(em, spec.email()) != null) {
            throw new ConflictException("a customer with email " + spec.email() + " exists");
          }
          CustomerEntity customer = new CustomerEntity(spec.email());
          customer.update(spec.name(), spec.phone(), spec.addresses());
          em.persist(customer);
          em.flush();
          return customer.toCustomer(List.of());
        });
  }

  @Override
  public Customer update(String id, CustomerSpec spec) {
    check(spec);
    return tx.write(
        em -> {
          CustomerEntity customer = Entities.require(em, CustomerEntity.class, id, "customer");
          if (!customer.email().equals(CustomerEntity.normalizeEmail(spec.email()))) {
            throw new ConflictException("a customer's email cannot change");
          }
          customer.update(spec.name(), spec.phone(), spec.addresses());
          return customer.toCustomer(notes(em, id));
        });
  }

  @Override
  public Optional<Customer> find(String id) {
    return tx.read(
        em ->
            Optional.ofNullable(em.find(CustomerEntity.class, id))
                .map(c -> c.toCustomer(notes(em, id))));
  }

  @Override
  public List<Customer> search(String query, int limit) {
    String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    return tx.read(
        em ->
            em
                .createQuery(
                    "select c from CustomerEntity c where c.searchText like :q order by c.email",
                    CustomerEntity.class)
                .setParameter("q", "%" + q.replace("%", "").replace("_", "") + "%")
                .setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultList()
                .stream()
                .map(c -> c.toCustomer(List.of()))
                .toList());
  }

  @Override
  public Customer addNote(String id, String text, String author) {
    new Checks().required("text", text).maxLength("text", text, 2000).orThrow();
    return tx.write(
        em -> {
          CustomerEntity customer = Entities.require(em, CustomerEntity.class, id, "customer");
          em.persist(new CustomerNoteEntity(id, text, author));
          em.flush();
          return customer.toCustomer(notes(em, id));
        });
  }

  /** Finds the customer with this email, or {@code null}. */
  public static CustomerEntity findByEmail(EntityManager em, String email) {
    return em.createQuery(
            "select c from CustomerEntity c where c.email = :email", CustomerEntity.class)
        .setParameter("email", CustomerEntity.normalizeEmail(email))
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static List<CustomerNote> notes(EntityManager em, String id) {
    return em
        .createQuery(
            "select n from CustomerNoteEntity n where n.customerId = :id order by n.createdAt",
            CustomerNoteEntity.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(CustomerNoteEntity::toNote)
        .toList();
  }

  static void check(CustomerSpec spec) {
    new Checks().required("customer", spec).orThrow();
    Checks checks =
        new Checks()
            .email("email", spec.email())
            .maxLength("name", spec.name(), 200)
            .maxLength("phone", spec.phone(), 40)
            .that(
                spec.addresses() == null || spec.addresses().size() <= MAX_ADDRESSES,
                "at most " + MAX_ADDRESSES + " addresses");
    if (spec.addresses() != null) {
      spec.addresses().forEach(a -> checkAddress(checks, "addresses", a));
    }
    checks.orThrow();
  }

  /** Length limits of an address, shared with orders' shipping addresses. */
  public static void checkAddress(Checks checks, String field, Address a) {
    if (a == null) {
      checks.that(false, field + " must not contain null");
      return;
    }
    checks
        .maxLength(field + ".line1", a.line1(), 200)
        .maxLength(field + ".line2", a.line2(), 200)
        .maxLength(field + ".city", a.city(), 100)
        .maxLength(field + ".region", a.region(), 100)
        .maxLength(field + ".postalCode", a.postalCode(), 20)
        .that(
            a.country() == null || a.country().matches("[A-Z]{2}"),
            field + ".country must be an ISO 3166 alpha-2 code");
  }
}
