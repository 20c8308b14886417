package io.hanse.oms.payment.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditPlanTest {

  @Test
  void whatIsOpenIsCreditedFirstNewestFirst() {
    List<InvoiceTable.Row> invoices =
        List.of(
            row("new", "40", "30", "0"), row("mid", "60", "0", "0"), row("old", "50", "50", "0"));

    assertThat(CreditPlan.spread(new BigDecimal("50"), invoices))
        .containsExactly(
            Map.entry("new", new BigDecimal("10")), Map.entry("mid", new BigDecimal("40")));
  }

  @Test
  void whatIsLeftBecomesCreditOnPaidInvoicesUpToTheirAmount() {
    List<InvoiceTable.Row> invoices =
        List.of(row("new", "40", "30", "0"), row("old", "50", "50", "20"));

    // 10 open on "new", then 30 more on "new" (up to its 40) and 30 on "old" (50 less 20 credited)
    assertThat(CreditPlan.spread(new BigDecimal("100"), invoices))
        .containsExactly(
            Map.entry("new", new BigDecimal("40")), Map.entry("old", new BigDecimal("30")));
  }

  private static InvoiceTable.Row row(String id, String amount, String paid, String credited) {
    return new InvoiceTable.Row(
        id,
        "c-1",
        "o-1",
        "EUR",
        new BigDecimal(amount),
        new BigDecimal(paid),
        new BigDecimal(credited),
        Instant.EPOCH,
        LocalDate.EPOCH,
        false);
  }
}
