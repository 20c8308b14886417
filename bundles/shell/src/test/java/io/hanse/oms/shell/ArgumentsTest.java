package io.hanse.oms.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hanse.oms.api.SkuQuantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void quantitiesAreSkuEqualsPositiveWholeNumbers() {
    assertThat(Quantities.parse(List.of("MUG=2", "TEE-NAVY-M = 1")))
        .containsExactly(new SkuQuantity("MUG", 2), new SkuQuantity("TEE-NAVY-M", 1));
    assertThat(Quantities.parse(null)).isEmpty();
    assertThatThrownBy(() -> Quantities.parse(List.of("MUG")))
        .hasMessage("expected SKU=QUANTITY, got 'MUG'");
    assertThatThrownBy(() -> Quantities.parse(List.of("MUG=two")))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> Quantities.parse(List.of("MUG=0")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Quantities.parse(List.of("=3"))).hasMessageContaining("expected");
  }

  @Test
  void daysIncludeTheWholeDay() {
    assertThat(Days.endOf("2026-11-27", "--to")).isEqualTo(Days.startOf("2026-11-28", "--from"));
    assertThat(Days.startOf(null, "--from")).isNull();
    assertThatThrownBy(() -> Days.startOf("27.11.2026", "--from"))
        .hasMessage("--from must be a day like 2026-11-27, not '27.11.2026'");
  }

  @Test
  void statusesAreReadInAnyCase() {
    assertThat(OrderListCommand.status("backordered").name()).isEqualTo("BACKORDERED");
    assertThatThrownBy(() -> OrderListCommand.status("lost")).hasMessageContaining("one of");
  }
}
