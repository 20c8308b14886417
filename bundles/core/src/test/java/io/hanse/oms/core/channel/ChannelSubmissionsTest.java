package io.hanse.oms.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.order.CustomerRef;
import io.hanse.oms.api.order.OrderLineRequest;
import io.hanse.oms.api.order.OrderSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSubmissionsTest {

  @Test
  void whatHanseWouldRefuseIsFittedAndNamedAsAProblem() {
    OrderSubmission s =
        new OrderSubmission(
            "shop",
            "42",
            null,
            null,
            new CustomerRef("not an address", "N".repeat(300), null),
            null,
            List.of(
                new OrderLineRequest("GOOD-1", 1, Map.of()),
                new OrderLineRequest("has space", 2, Map.of()),
                new OrderLineRequest("BULK", 50_000, Map.of())));
    List<String> problems = new ArrayList<>();
    OrderSubmission fitted = ChannelSubmissions.fit(s, problems);
    assertThat(fitted.lines())
        .extracting(l -> l.sku() + "x" + l.quantity())
        .containsExactly("GOOD-1x1", "BULKx10000");
    assertThat(fitted.customer().email()).isEqualTo("shop-42@customers.invalid");
    assertThat(fitted.customer().name()).hasSize(200);
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("'has space'");
  }

  @Test
  void aGoodOrderIsLeftAlone() {
    OrderSubmission s =
        new OrderSubmission(
            "shop",
            "43",
            null,
            null,
            new CustomerRef("jo@example.com", "Jo", "+49 40 1"),
            null,
            List.of(new OrderLineRequest("GOOD-1", 1, Map.of())));
    List<String> problems = new ArrayList<>();
    assertThat(ChannelSubmissions.fit(s, problems)).isEqualTo(s);
    assertThat(problems).isEmpty();
  }
}
