package io.hanse.oms.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.Money;
import io.hanse.oms.api.ValidationException;
import io.hanse.oms.api.order.Order;
import io.hanse.oms.api.order.OrderService;
import io.hanse.oms.api.order.OrderStatus;
import io.hanse.oms.api.order.OrderSubmission;
import io.hanse.oms.api.order.PlacementResult;
import io.hanse.oms.api.payment.CardDetails;
import io.hanse.oms.api.payment.CardToken;
import io.hanse.oms.api.payment.CardVault;
import io.hanse.oms.api.payment.GiftCardService;
import io.hanse.oms.api.payment.OperationType;
import io.hanse.oms.api.payment.Payment;
import io.hanse.oms.api.payment.PaymentOperation;
import io.hanse.oms.api.payment.PaymentService;
import io.hanse.oms.api.payment.PaymentStatus;
import io.hanse.oms.api.payment.Refund;
import io.hanse.oms.api.payment.Tender;
import io.hanse.oms.api.returns.Disposition;
import io.hanse.oms.api.returns.ReceivedLine;
import io.hanse.oms.api.returns.ReturnService;
import io.hanse.oms.api.returns.Rma;
import io.hanse.oms.api.returns.RmaStatus;
import io.hanse.oms.soap.ws.fault.ServiceFault;
import io.hanse.oms.soap.ws.orders.Customer;
import io.hanse.oms.soap.ws.orders.NewLine;
import io.hanse.oms.soap.ws.orders.NewOrder;
import io.hanse.oms.soap.ws.orders.NewPayment;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The payment and order endpoints' mapping and refusals, without CXF: the services are fakes. */
class PaymentEndpointTest {
  private static final String VISA = "4242424242424242";
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final Map<String, Function<Object[], Object>> payments = new HashMap<>();
  private final Map<String, Function<Object[], Object>> returns = new HashMap<>();
  private final Map<String, Function<Object[], Object>> orders = new HashMap<>();
  private CardVault vault;
  private GiftCardService giftCards;

  private PaymentEndpoint endpoint() {
    return new PaymentEndpoint(
        fake(PaymentService.class, payments),
        fake(ReturnService.class, returns),
        fake(OrderService.class, orders),
        () -> vault,
        () -> giftCards);
  }

  @Test
  void aMissingPluginIsUnavailableAndComesBackWithoutANewEndpoint() throws Exception {
    PaymentEndpoint endpoint = endpoint();
    assertThatThrownBy(() -> endpoint.tokenizeCard(VISA, "12", "2031", "123"))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> {
              assertThat(f.getFaultInfo().code).isEqualTo("unavailable");
              assertThat(f.getMessage()).contains("hanse-payment-vault").doesNotContain(VISA);
            });
    assertThatThrownBy(() -> endpoint.giftCardBalance("ABCD-EFGH"))
        .isInstanceOfSatisfying(
            ServiceFault.class, f -> assertThat(f.getFaultInfo().code).isEqualTo("unavailable"));

    AtomicReference<CardDetails> seen = new AtomicReference<>();
    vault =
        fake(
            CardVault.class,
            Map.of(
                "tokenize",
                a -> {
                  seen.set((CardDetails) a[0]);
                  return new CardToken("tok_abc", "visa", "4242", 12, 2031);
                }));
    io.hanse.oms.soap.ws.payments.CardToken token =
        endpoint.tokenizeCard(VISA, " 12 ", "2031", "123");
    assertThat(token.token).isEqualTo("tok_abc");
    assertThat(token.last4).isEqualTo("4242");
    assertThat(token.expMonth).isEqualTo(12);
    assertThat(seen.get()).isEqualTo(new CardDetails(VISA, 12, 2031, "123"));
  }

  @Test
  void faultsNeverQuoteACardNumber() {
    vault =
        fake(
            CardVault.class,
            Map.of(
                "tokenize",
                a -> {
                  throw new ValidationException("number is not a valid card number");
                }));
    PaymentEndpoint endpoint = endpoint();
    assertThatThrownBy(() -> endpoint.tokenizeCard("x", VISA, "2031", null))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> {
              assertThat(f.getFaultInfo().code).isEqualTo("invalid-request");
              assertThat(f.getMessage()).isEqualTo("expMonth must be a number");
              assertThat(f.getFaultInfo().errors).noneMatch(e -> e.contains("4242"));
            });
    assertThatThrownBy(() -> endpoint.tokenizeCard("4242424242424241", "12", "2031", null))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f ->
                assertThat(f.getFaultInfo().errors)
                    .containsExactly("number is not a valid card number"));
  }

  @Test
  void aRefundNeedsAnIdempotencyKeyAndTakesTheOrdersCurrency() throws Exception {
    AtomicReference<Money> asked = new AtomicReference<>();
    orders.put("find", a -> Optional.of(order("o-1", List.of())));
    payments.put(
        "refund",
        a -> {
          asked.set((Money) a[1]);
          assertThat(a[3]).isEqualTo(false);
          assertThat(a[4]).isEqualTo("key-1");
          return new Refund(
              "r-1",
              "o-1",
              (Money) a[1],
              (String) a[2],
              List.of(operation(OperationType.REFUND, "5.00")),
              null);
        });
    PaymentEndpoint endpoint = endpoint();

    assertThatThrownBy(
            () -> endpoint.refundOrder("o-1", new BigDecimal("5.00"), null, "damaged", null, " "))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> assertThat(f.getFaultInfo().code).isEqualTo("invalid-request"));
    io.hanse.oms.soap.ws.payments.Refund refund =
        endpoint.refundOrder("o-1", new BigDecimal("5"), null, "damaged", null, "key-1");
    assertThat(asked.get()).isEqualTo(Money.of("5.00", "EUR"));
    assertThat(refund.id).isEqualTo("r-1");
    assertThat(refund.currency).isEqualTo("EUR");
    assertThat(refund.operations)
        .singleElement()
        .satisfies(o -> assertThat(o.type).isEqualTo("REFUND"));
  }

  @Test
  void receivedLinesNameTheirDispositionInAnyCase() throws Exception {
    AtomicReference<List<Object>> received = new AtomicReference<>();
    returns.put(
        "receive",
        a -> {
          received.set(List.copyOf((List<?>) a[1]));
          return new Rma(
              "rma-1",
              "o-1",
              RmaStatus.RECEIVED,
              "too small",
              List.of(),
              "r-9",
              Money.of("20.00", "EUR"),
              "manager",
              NOW,
              NOW);
        });
    io.hanse.oms.soap.ws.payments.ReceivedLine line =
        new io.hanse.oms.soap.ws.payments.ReceivedLine();
    line.sku = "SKU-1";
    line.quantity = 1;
    line.disposition = "restock";
    line.location = "LOC-1";
    PaymentEndpoint endpoint = endpoint();

    io.hanse.oms.soap.ws.payments.Rma rma = endpoint.receiveReturn("rma-1", List.of(line), null);
    assertThat(received.get())
        .containsExactly(new ReceivedLine("SKU-1", 1, Disposition.RESTOCK, "LOC-1"));
    assertThat(rma.status).isEqualTo("RECEIVED");
    assertThat(rma.refunded).isEqualByComparingTo("20.00");
    assertThat(rma.currency).isEqualTo("EUR");

    line.disposition = "RECYCLE";
    assertThatThrownBy(() -> endpoint.receiveReturn("rma-1", List.of(line), null))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f ->
                assertThat(f.getMessage())
                    .isEqualTo("line.disposition must be RESTOCK or WRITE_OFF"));
  }

  @Test
  void anUnknownGiftCardCodeIsNotQuoted() {
    giftCards = fake(GiftCardService.class, Map.of("findByCode", a -> Optional.empty()));
    assertThatThrownBy(() -> endpoint().giftCardBalance("SECRET-CODE-1234"))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> {
              assertThat(f.getFaultInfo().code).isEqualTo("not-found");
              assertThat(f.getMessage()).doesNotContain("SECRET");
            });
  }

  @Test
  void ordersArePlacedWithTheirPaymentsAndShowThem() throws Exception {
    AtomicReference<OrderSubmission> submitted = new AtomicReference<>();
    Payment card =
        new Payment(
            "p-1",
            "o-1",
            Tender.CARD,
            "simulator",
            "visa •••• 4242",
            Money.of("25.00", "EUR"),
            Money.of("25.00", "EUR"),
            Money.of("0", "EUR"),
            Money.of("0", "EUR"),
            PaymentStatus.AUTHORIZED,
            "sim_1",
            null,
            List.of(operation(OperationType.AUTHORIZE, "25.00")),
            NOW);
    orders.put(
        "place",
        a -> {
          submitted.set((OrderSubmission) a[0]);
          return new PlacementResult(order("o-1", List.of(card)), false);
        });
    OrderEndpoint endpoint = new OrderEndpoint(fake(OrderService.class, orders));
    NewOrder order = newOrder();
    NewPayment payment = new NewPayment();
    payment.method = "CARD";
    payment.token = "tok_abc";
    payment.amount = new BigDecimal("25.00");
    order.payments.add(payment);

    io.hanse.oms.soap.ws.orders.Order placed = endpoint.placeOrder(order, "k");
    assertThat(submitted.get().payments())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.method()).isEqualTo(Tender.CARD);
              assertThat(p.token()).isEqualTo("tok_abc");
              assertThat(p.amount()).isEqualByComparingTo("25.00");
            });
    assertThat(placed.payments)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.tender).isEqualTo("card");
              assertThat(p.display).isEqualTo("visa •••• 4242");
              assertThat(p.status).isEqualTo("AUTHORIZED");
              assertThat(p.authorized).isEqualByComparingTo("25.00");
              assertThat(p.currency).isEqualTo("EUR");
              assertThat(p.operations)
                  .singleElement()
                  .satisfies(o -> assertThat(o.type).isEqualTo("AUTHORIZE"));
            });

    payment.method = "bitcoin";
    assertThatThrownBy(() -> endpoint.placeOrder(order, "k2"))
        .isInstanceOfSatisfying(
            ServiceFault.class,
            f -> assertThat(f.getFaultInfo().code).isEqualTo("invalid-request"));
  }

  private static NewOrder newOrder() {
    NewOrder order = new NewOrder();
    order.channel = "phone";
    order.customer = new Customer();
    order.customer.email = "a@example.com";
    NewLine line = new NewLine();
    line.sku = "SKU-1";
    line.quantity = 1;
    order.lines.add(line);
    return order;
  }

  private static Order order(String id, List<Payment> payments) {
    return new Order(
        id,
        "phone",
        null,
        null,
        "catalog",
        OrderStatus.CONFIRMED,
        null,
        "c-1",
        "a@example.com",
        null,
        null,
        Money.of("25.00", "EUR"),
        List.of(),
        List.of(),
        "agent",
        NOW,
        NOW,
        payments);
  }

  private static PaymentOperation operation(OperationType type, String amount) {
    return new PaymentOperation(
        "op-1",
        type,
        Money.of(amount, "EUR"),
        PaymentOperation.Status.SUCCEEDED,
        "sim_1",
        null,
        "order",
        NOW,
        NOW);
  }

  /** A fake of {@code type} answering the named methods; any other call fails the test. */
  private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          Function<Object[], Object> answer = answers.get(method.getName());
          if (answer == null) {
            throw new AssertionError("unexpected call of " + method.getName());
          }
          return answer.apply(args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
