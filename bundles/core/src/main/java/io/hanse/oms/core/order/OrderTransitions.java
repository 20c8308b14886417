package io.hanse.oms.core.order;

import static io.hanse.oms.api.order.OrderStatus.BACKORDERED;
import static io.hanse.oms.api.order.OrderStatus.CANCELLED;
import static io.hanse.oms.api.order.OrderStatus.CLOSED;
import static io.hanse.oms.api.order.OrderStatus.CONFIRMED;
import static io.hanse.oms.api.order.OrderStatus.ON_HOLD;
import static io.hanse.oms.api.order.OrderStatus.PARTIALLY_SHIPPED;
import static io.hanse.oms.api.order.OrderStatus.RETURNED;
import static io.hanse.oms.api.order.OrderStatus.SHIPPED;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.order.OrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The order state machine: which status may follow which. */
public final class OrderTransitions {
  private static final Map<OrderStatus, Set<OrderStatus>> NEXT =
      Map.of(
          CONFIRMED, EnumSet.of(ON_HOLD, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, BACKORDERED),
          BACKORDERED, EnumSet.of(CONFIRMED, ON_HOLD, PARTIALLY_SHIPPED, CANCELLED),
          ON_HOLD, EnumSet.of(CONFIRMED, BACKORDERED, PARTIALLY_SHIPPED, CANCELLED),
          PARTIALLY_SHIPPED, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, ON_HOLD),
          SHIPPED, EnumSet.of(CLOSED, RETURNED),
          CANCELLED, EnumSet.noneOf(OrderStatus.class),
          CLOSED, EnumSet.of(RETURNED),
          RETURNED, EnumSet.noneOf(OrderStatus.class));

  private OrderTransitions() {}

  public static boolean allowed(OrderStatus from, OrderStatus to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * Refuses a transition the state machine does not allow.
   *
   * @throws ConflictException when the order may not move from {@code from} to {@code to}
   */
  public static void require(String orderId, OrderStatus from, OrderStatus to) {
    if (!allowed(from, to)) {
      throw new ConflictException("order " + orderId + " is " + from + " and cannot become " + to);
    }
  }
}
