package io.hanse.oms.core.order;

import static io.hanse.oms.api.order.OrderStatus.BACKORDERED;
import static io.hanse.oms.api.order.OrderStatus.CANCELLED;
import static io.hanse.oms.api.order.OrderStatus.CLOSED;
import static io.hanse.oms.api.order.OrderStatus.CONFIRMED;
import static io.hanse.oms.api.order.OrderStatus.ON_HOLD;
import static io.hanse.oms.api.order.OrderStatus.PARTIALLY_SHIPPED;
import static io.hanse.oms.api.order.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.ConflictException;
import io.hanse.oms.api.order.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderTransitionsTest {

  @Test
  void openOrdersMayBeCancelledShippedOrders() {
    assertThat(OrderTransitions.allowed(CONFIRMED, CANCELLED)).isTrue();
    assertThat(OrderTransitions.allowed(BACKORDERED, CANCELLED)).isTrue();
    assertThat(OrderTransitions.allowed(ON_HOLD, CANCELLED)).isTrue();
    assertThat(OrderTransitions.allowed(PARTIALLY_SHIPPED, CANCELLED)).isFalse();
    assertThat(OrderTransitions.allowed(SHIPPED, CANCELLED)).isFalse();
  }

  @Test
  void cancelledAndReturnedAreFinalAndClosedOnlyComesBack() {
    for (OrderStatus to : OrderStatus.values()) {
      assertThat(OrderTransitions.allowed(CLOSED, to)).isEqualTo(to == OrderStatus.RETURNED);
      assertThat(OrderTransitions.allowed(CANCELLED, to)).isFalse();
      assertThat(OrderTransitions.allowed(OrderStatus.RETURNED, to)).isFalse();
    }
  }

  @Test
  void onlyShippedOrdersClose() {
    assertThat(OrderTransitions.allowed(SHIPPED, CLOSED)).isTrue();
    assertThat(OrderTransitions.allowed(CONFIRMED, CLOSED)).isFalse();
    assertThatThrownBy(() -> OrderTransitions.require("o1", CONFIRMED, CLOSED))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CONFIRMED");
  }
}
