package io.hanse.oms.core.order;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.catalog.PersonalizationTemplate;
import io.hanse.oms.api.event.OmsTopics;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.pricing.PriceCalculator;
import io.hanse.oms.api.pricing.PricedLine;
import io.hanse.oms.api.pricing.PricingLine;
import io.hanse.oms.api.pricing.PricingRequest;
import io.hanse.oms.core.catalog.PersonalizationRules;
import io.hanse.oms.core.catalog.ProductEntity;
import io.hanse.oms.core.catalog.TemplateEntity;
import io.hanse.oms.core.customer.CustomerEntity;
import io.hanse.oms.core.customer.CustomerServiceImpl;
import io.hanse.oms.core.internal.Checks;
import io.hanse.oms.core.internal.Ids;
import io.hanse.oms.core.internal.InLists;
import io.hanse.oms.core.inventory.BatchStock;
import io.hanse.oms.core.inventory.InventoryServiceImpl;
import io.hanse.oms.core.inventory.StockLedger;
import io.hanse.oms.core.inventory.StockReservations;
import io.hanse.oms.core.outbox.Outbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * Takes one new order inside the caller's transaction: products, personalization, customer, prices,
 * stock, and the order with its reservations and event.
 */
final class OrderPlacement {
  private final EntityManager em;
  private final String user;
  private final PriceCalculator calculator;
  private final Prefetched prefetched;

  /**
   * What a batch of orders looked up once for all of them: their products, the customers known by
   * their e-mail addresses (orders of the batch add the new ones) and the batch's stock. The batch
   * writes what its orders make itself, new customers included, over JDBC ({@link OrderRows}).
   */
  record Prefetched(
      Map<String, ProductEntity> products,
      Map<String, CustomerEntity> customersByEmail,
      BatchStock stock,
      List<CustomerEntity> newCustomers,
      List<Object> newEntities) {

    Prefetched(
        Map<String, ProductEntity> products,
        Map<String, CustomerEntity> customersByEmail,
        BatchStock stock) {
      this(products, customersByEmail, stock, new ArrayList<>(), new ArrayList<>());
    }
  }

  OrderPlacement(EntityManager em, String user, PriceCalculator calculator) {
    this(em, user, calculator, null);
  }

  /** A placement inside a batch, looking up and reserving through {@code prefetched}. */
  OrderPlacement(EntityManager em, String user, PriceCalculator calculator, Prefetched prefetched) {
    this.em = em;
    this.user = user;
    this.calculator = calculator;
    this.prefetched = prefetched;
  }

  OrderEntity place(OrderSubmission s) {
    return place(s, null);
  }

  /**
   * Takes a new order.
   *
   * @param onlyLocation reserve at this location only, and all of it (a store sale), or from the
   *     department's locations when null
   */
  OrderEntity place(OrderSubmission s, String onlyLocation) {
    Map<String, ProductEntity> products = products(s.lines());
    requireKnown(s.lines(), products);
    checkLines(s.lines(), products);
    String orderId = Ids.next();
    Taken taken =
        priceAndReserve(
            orderId,
            Submissions.department(s),
            s.lines(),
            s.channel(),
            s.sourceCode(),
            CustomerEntity.normalizeEmail(s.customer().email()),
            products,
            onlyLocation);
    // the customer only once the order is sure to be taken: a refused order leaves no trace
    CustomerEntity customer = customer(s);
    OrderEntity order = newOrder(orderId, s, customer);
    order.open(taken.lines(), taken.total());
    persist(order);
    taken.reservations(order.id()).forEach(this::persist);
    persist(Outbox.event(OmsTopics.ORDER_PLACED, OrderServiceImpl.event(order)));
    return order;
  }

  /** Persists now, or hands it to the batch to persist in order. */
  private void persist(Object entity) {
    if (prefetched != null) {
      prefetched.newEntities().add(entity);
    } else {
      em.persist(entity);
    }
  }

  /**
   * Takes an order on hold that reserves nothing: its SKUs may be unknown or short. Known SKUs
   * carry their list price, unknown ones none.
   */
  OrderEntity placeUnreserved(OrderSubmission s, String reason) {
    Map<String, ProductEntity> products = products(s.lines());
    CustomerEntity customer = customer(s);
    OrderEntity order = newOrder(Ids.next(), s, customer);
    String currency =
        products.values().stream()
            .map(p -> p.price().currency())
            .findFirst()
            .orElseGet(this::catalogCurrency);
    List<OrderLineEntity> lines = new ArrayList<>();
    Money total = Money.zero(currency);
    for (int i = 0; i < s.lines().size(); i++) {
      OrderLineRequest request = s.lines().get(i);
      ProductEntity product = products.get(request.sku());
      boolean priced = product != null && product.price().currency().equals(currency);
      Money unit = priced ? product.price() : Money.zero(currency);
      Money lineTotal = unit.times(request.quantity());
      lines.add(
          new OrderLineEntity(
              i + 1,
              request.sku(),
              product == null ? "unknown SKU" : product.name(),
              request.quantity(),
              unit,
              lineTotal,
              request.personalization(),
              List.of(),
              0));
      total = total.plus(lineTotal);
    }
    order.openUnreserved(lines, total, reason);
    em.persist(order);
    Outbox.append(em, OmsTopics.ORDER_PLACED, OrderServiceImpl.event(order));
    return order;
  }

  /**
   * Takes an order that was taken on hold unreserved, now that its problems may be fixed: prices
   * and reserves its lines as a new order would be.
   *
   * @throws ValidationException when a SKU is still unknown
   */
  void retake(OrderEntity order) {
    List<OrderLineRequest> requests =
        order.lines().stream()
            .map(l -> new OrderLineRequest(l.sku(), l.quantity(), l.personalization()))
            .toList();
    Map<String, ProductEntity> products = products(requests);
    requireKnown(requests, products);
    checkLines(requests, products);
    Taken taken =
        priceAndReserve(
            order.id(),
            order.department(),
            requests,
            order.channel(),
            order.sourceCode(),
            order.customerEmail(),
            products,
            order.soldAt());
    order.retaken(taken.lines(), taken.total());
    taken.reservations(order.id()).forEach(em::persist);
  }

  private OrderEntity newOrder(String id, OrderSubmission s, CustomerEntity customer) {
    return new OrderEntity(
        id,
        s.channel(),
        s.externalId(),
        s.sourceCode(),
        Submissions.department(s),
        customer.id(),
        customer.email(),
        s.customer().name() != null ? s.customer().name() : customer.name(),
        s.shippingAddress(),
        user);
  }

  /** Priced lines with their reservations, ready to be added to an order. */
  private record Taken(List<OrderLineEntity> lines, Money total, Allocation allocation) {
    List<ReservationEntity> reservations(String orderId) {
      return allocation.reservations().stream()
          .map(r -> new ReservationEntity(orderId, r.lineNo(), r.sku(), r.location(), r.quantity()))
          .toList();
    }
  }

  private Taken priceAndReserve(
      String orderId,
      String department,
      List<OrderLineRequest> requests,
      String channel,
      String sourceCode,
      String email,
      Map<String, ProductEntity> products,
      String onlyLocation) {
    List<PricedLine> prices = price(requests, channel, sourceCode, email, products);
    List<Allocation.Demand> demands = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      OrderLineRequest line = requests.get(i);
      ProductEntity product = products.get(line.sku());
      for (SkuQuantity unit : stockedUnits(product)) {
        demands.add(
            new Allocation.Demand(
                i + 1,
                unit.sku(),
                unit.quantity() * line.quantity(),
                onlyLocation == null && product.backorderable()));
      }
    }
    StockReservations stock =
        prefetched != null ? prefetched.stock() : new StockLedger(em, user, orderId);
    List<String> locations =
        onlyLocation == null
            ? InventoryServiceImpl.locationCodes(em, department)
            : List.of(onlyLocation);
    Allocation allocation = Allocation.reserve(demands, stock, locations);

    List<OrderLineEntity> lines = new ArrayList<>();
    Money total = Money.zero(prices.get(0).unitPrice().currency());
    for (int i = 0; i < requests.size(); i++) {
      OrderLineRequest request = requests.get(i);
      ProductEntity product = products.get(request.sku());
      PricedLine price = prices.get(i);
      List<SkuQuantity> kit = product.isKit() ? stockedUnits(product) : List.of();
      lines.add(
          new OrderLineEntity(
              i + 1,
              product.sku(),
              product.name(),
              request.quantity(),
              price.unitPrice(),
              price.lineTotal(),
              request.personalization(),
              kit,
              allocation.reservedUnits(i + 1, product.sku(), kit)));
      total = total.plus(price.lineTotal());
    }
    return new Taken(lines, total, allocation);
  }

  /** The currency of the catalog, for an order none of whose SKUs is known. */
  private String catalogCurrency() {
    return em.createQuery("select p.currency from ProductEntity p order by p.sku", String.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse("EUR");
  }

  /** What a unit of the product takes from stock: itself, or its kit components. */
  private static List<SkuQuantity> stockedUnits(ProductEntity product) {
    if (!product.isKit()) {
      return List.of(new SkuQuantity(product.sku(), 1));
    }
    return product.components().stream().map(c -> new SkuQuantity(c.sku(), c.quantity())).toList();
  }

  private Map<String, ProductEntity> products(List<OrderLineRequest> lines) {
    Set<String> skus = lines.stream().map(OrderLineRequest::sku).collect(Collectors.toSet());
    if (prefetched != null) {
      Map<String, ProductEntity> known = new HashMap<>();
      skus.forEach(
          sku -> {
            ProductEntity p = prefetched.products().get(sku);
            if (p != null) {
              known.put(sku, p);
            }
          });
      return known;
    }
    Map<String, ProductEntity> products =
        em
            .createQuery(
                "select p from ProductEntity p left join fetch p.components where p.sku in :skus",
                ProductEntity.class)
            .setParameter("skus", InLists.padded(skus))
            .getResultList()
            .stream()
            // a kit comes once per component
            .collect(Collectors.toMap(ProductEntity::sku, Function.identity(), (a, b) -> a));
    return products;
  }

  private static void requireKnown(
      List<OrderLineRequest> lines, Map<String, ProductEntity> products) {
    Set<String> unknown = new TreeSet<>();
    lines.stream().map(OrderLineRequest::sku).forEach(unknown::add);
    unknown.removeAll(products.keySet());
    if (!unknown.isEmpty()) {
      throw new ValidationException(unknown.stream().map(sku -> "unknown sku: " + sku).toList());
    }
  }

  private void checkLines(List<OrderLineRequest> lines, Map<String, ProductEntity> products) {
    Checks checks = new Checks();
    Map<String, PersonalizationTemplate> templates = new HashMap<>();
    String currency = null;
    for (OrderLineRequest line : lines) {
      ProductEntity product = products.get(line.sku());
      String code = product.personalizationTemplate();
      PersonalizationTemplate template =
          code == null
              ? null
              : templates.computeIfAbsent(code, c -> em.find(TemplateEntity.class, c).toTemplate());
      PersonalizationRules.checkValues(line.sku(), template, line.personalization())
          .forEach(e -> checks.that(false, e));
      String lineCurrency = product.price().currency();
      checks.that(
          currency == null || currency.equals(lineCurrency),
          "all lines must be priced in one currency; " + line.sku() + " is in " + lineCurrency);
      currency = currency == null ? lineCurrency : currency;
    }
    checks.orThrow();
  }

  private CustomerEntity customer(OrderSubmission s) {
    String email = CustomerEntity.normalizeEmail(s.customer().email());
    CustomerEntity customer =
        prefetched != null
            ? prefetched.customersByEmail().get(email)
            : CustomerServiceImpl.findByEmail(em, email);
    if (customer == null) {
      customer = new CustomerEntity(s.customer().email());
      customer.update(s.customer().name(), s.customer().phone(), null);
      if (s.shippingAddress() != null) {
        customer.update(s.customer().name(), s.customer().phone(), List.of(s.shippingAddress()));
      }
      if (prefetched != null) {
        prefetched.customersByEmail().put(email, customer);
        prefetched.newCustomers().add(customer);
      } else {
        em.persist(customer);
      }
    } else {
      customer.complete(s.customer().name(), s.customer().phone());
    }
    return customer;
  }

  private List<PricedLine> price(
      List<OrderLineRequest> requests,
      String channel,
      String sourceCode,
      String email,
      Map<String, ProductEntity> products) {
    List<PricingLine> lines =
        requests.stream()
            .map(l -> new PricingLine(l.sku(), l.quantity(), products.get(l.sku()).price()))
            .toList();
    if (calculator == null) {
      return lines.stream()
          .map(l -> new PricedLine(l.sku(), l.listPrice(), l.listPrice().times(l.quantity())))
          .toList();
    }
    List<PricedLine> priced =
        calculator.price(new PricingRequest(channel, sourceCode, email, lines));
    if (priced == null || priced.size() != lines.size()) {
      throw new IllegalStateException("price calculator returned the wrong number of lines");
    }
    for (int i = 0; i < priced.size(); i++) {
      PricedLine p = priced.get(i);
      if (!p.sku().equals(lines.get(i).sku())
          || p.lineTotal().signum() < 0
          || !p.lineTotal().currency().equals(lines.get(i).listPrice().currency())) {
        throw new IllegalStateException("price calculator returned an invalid line: " + p);
      }
    }
    return priced;
  }
}
