package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldingPricingTest {
  private static final PriceBook HISTORY = new PriceBook(List.of(new PriceSeries("VTI",
      List.of(new PricePoint(LocalDate.of(2026, 11, 20), new BigDecimal("274.61"))))));

  private static Holding held(String symbol, String price) {
    return new Holding("B1", "1234", symbol, BigDecimal.TEN,
        price == null ? null : new BigDecimal(price), "EQUITY", false, "B1", "/in/f.csv", 4);
  }

  @Test
  void theExportsPriceIsKept() {
    assertThat(HoldingPricing.of(held("VTI", "270"), HISTORY).holding().price(),
        comparesEqualTo(new BigDecimal("270")));
  }

  @Test
  void aMissingPriceIsTheLatestClose() {
    assertThat(HoldingPricing.of(held("VTI", null), HISTORY).holding().price(),
        comparesEqualTo(new BigDecimal("274.61")));
  }

  @Test
  void aPriceOfZeroIsNoPriceAndTakesTheLatestClose() {
    assertThat(HoldingPricing.of(held("VTI", "0.00"), HISTORY).holding().price(),
        comparesEqualTo(new BigDecimal("274.61")));
    assertThat(HoldingPricing.pricedByExport(held("VTI", "0.00")), is(false));
  }

  /** Fuzz finding: a price of 0 with no history ended the run with "/ by zero". */
  @Test
  void aPriceOfZeroWithNoHistoryIsARejectedRowWithItsReason() {
    HoldingPricing p = HoldingPricing.of(held("XYZ", "0"), HISTORY);
    assertThat(p.holding(), is(nullValue()));
    RejectedRow row = p.rejectedRow(held("XYZ", "0"), "XYZ,10,0");
    assertThat(row.lineNumber(), is(4L));
    assertThat(row.reason(), containsString("price 0 for XYZ"));
    assertThat(row.rawLine(), is("XYZ,10,0"));
  }

  @Test
  void noPriceAnywhereIsARejectedRow() {
    assertThat(HoldingPricing.of(held("XYZ", null), HISTORY).rejection(),
        containsString("no price for XYZ in the export or the price history"));
  }

  @Test
  void aHoldingWhoseValueAtTheCloseHasMoreDecimalsThanTheWarehouseStoresIsRejected() {
    PriceBook fine = new PriceBook(List.of(new PriceSeries("ABC", List.of(new PricePoint(
        LocalDate.of(2026, 11, 20), new BigDecimal("1.0000000001")))))); // 10 decimals
    Holding held = new Holding("B1", "1234", "ABC", new BigDecimal("1.000000001"), null,
        "EQUITY", false, "B1", "/in/f.csv", 4); // 9 decimals: 19 in the value
    assertThat(HoldingPricing.of(held, fine).rejection(), containsString("19 decimals"));
  }
}
