package io.hanse.oms.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hanse.oms.api.SkuQuantity;
import io.hanse.oms.api.inventory.LocationStock;
import io.hanse.oms.api.inventory.StockSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KitStockTest {

  @Test
  void theScarcestComponentDecides() {
    StockSummary kit =
        KitStock.summarize(
            "KIT",
            List.of(new SkuQuantity("MUG", 2), new SkuQuantity("CANDLE", 1)),
            Map.of(
                "MUG",
                    List.of(
                        new LocationStock("A", 10, 2, 8, 0), new LocationStock("B", 3, 0, 3, 0)),
                "CANDLE", List.of(new LocationStock("A", 4, 0, 4, 0))));
    assertThat(kit.available()).isEqualTo(4); // mugs: 11 available -> 5 kits; candles: 4
    assertThat(kit.onHand()).isEqualTo(4);
    assertThat(kit.locations()).extracting(LocationStock::location).containsExactly("A", "B");
    assertThat(kit.locations().get(0).available()).isEqualTo(4);
    assertThat(kit.locations().get(1).available()).isZero(); // no candles at B
  }

  @Test
  void aMissingComponentMeansNoKits() {
    StockSummary kit =
        KitStock.summarize(
            "KIT",
            List.of(new SkuQuantity("MUG", 1), new SkuQuantity("LID", 1)),
            Map.of("MUG", List.of(new LocationStock("A", 10, 0, 10, 0))));
    assertThat(kit.available()).isZero();
  }
}
