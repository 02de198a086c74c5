package io.rebalancer.core.trust;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.Holding;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.TargetWeight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceChecksTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);
  private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

  private static PriceBook book() {
    return new PriceBook(List.of(
        new PriceSeries("VTI", List.of(new PricePoint(RUN.minusDays(1), new BigDecimal("270")),
            new PricePoint(RUN, new BigDecimal("200")))),
        new PriceSeries("BND", List.of(new PricePoint(RUN.minusDays(5), new BigDecimal("74")))),
        new PriceSeries("GLD", List.of(new PricePoint(RUN.minusDays(6), new BigDecimal("241"))))));
  }

  private static Holding held(String symbol, String price) {
    return new Holding("B1", "1234", symbol, BigDecimal.TEN,
        price == null ? null : new BigDecimal(price), "EQUITY", false, "B1", "/in/f.csv", 7);
  }

  @Test
  void aCloseUpToTheLimitOldIsCurrentAndOlderFailsNamingTheSymbolAndItsDate() {
    assertThat(PriceChecks.stale("VTI", book(), RUN, 5, "prices.csv"), is(nullValue()));
    assertThat(PriceChecks.stale("BND", book(), RUN, 5, "prices.csv"), is(nullValue()));
    InputProblem p = PriceChecks.stale("GLD", book(), RUN, 5, "prices.csv");
    assertThat(p.kind(), is(InputProblem.Kind.STALE_PRICE));
    assertThat(p.message(), allOf(containsString("prices.csv"), containsString("GLD"),
        containsString("2026-11-14"), containsString("6 days before the run date"),
        containsString("validation.maxPriceAgeDays is 5")));
  }

  @Test
  void aSymbolWithoutHistoryIsNotJudged() {
    assertThat(PriceChecks.stale("XYZ", book(), RUN, 5, "prices.csv"), is(nullValue()));
  }

  @Test
  void modelSymbolsAreJudgedOnceEachInSymbolOrderCashAside() {
    Model a = new Model("m1", List.of(new TargetWeight("GLD", new BigDecimal("0.5")),
        new TargetWeight("CASH", new BigDecimal("0.5"))));
    Model b = new Model("m2", List.of(new TargetWeight("GLD", BigDecimal.ONE)));
    List<InputProblem> out = PriceChecks.staleModelSymbols(List.of(a, b), book(), RUN, 5, "p");
    assertThat(out.stream().map(InputProblem::key).toList(), contains("GLD"));
  }

  @Test
  void aClassModelsBuySymbolsAreJudgedAsAModelsSymbolsAre() {
    // GLD (6 days old) is bought for COMMODITY; the weight-0 class and cash buy nothing
    Model m = Model.ofClasses("classes", List.of(
        new ClassTarget("COMMODITY", new BigDecimal("0.5"), "GLD"),
        new ClassTarget("US_BOND", new BigDecimal("0.5"), "BND"),
        new ClassTarget("US_EQUITY", BigDecimal.ZERO, null),
        new ClassTarget("CASH", BigDecimal.ZERO, null)));
    List<InputProblem> out = PriceChecks.staleModelSymbols(List.of(m), book(), RUN, 5, "p");
    assertThat(out.stream().map(InputProblem::key).toList(), contains("GLD"));
  }

  @Test
  void anExportPriceMoreThanTheToleranceFromTheLatestCloseIsABreak() {
    // The latest close of VTI is 200 on the run date: 210 is exactly 5% away, 210.01 beyond.
    assertThat(PriceChecks.priceBreak(held("VTI", "210"), book(), FIVE_PERCENT), is(nullValue()));
    assertThat(PriceChecks.priceBreak(held("VTI", "190"), book(), FIVE_PERCENT), is(nullValue()));
    PriceBreak b = PriceChecks.priceBreak(held("VTI", "210.01"), book(), FIVE_PERCENT);
    assertThat(b.close(), comparesEqualTo(new BigDecimal("200")));
    assertThat(b.closeDate(), is(RUN));
    assertThat(b.relativeDifference(), comparesEqualTo(new BigDecimal("0.05005")));
    assertThat(b.lineNumber(), is(7L));
  }

  @Test
  void cashNoHistoryAndNoExportPriceAreNotBreaks() {
    Holding cash = new Holding("B1", "1234", "CASH", BigDecimal.TEN, BigDecimal.ONE, "CASH", true,
        "B1", "f", 2);
    assertThat(PriceChecks.priceBreak(cash, book(), FIVE_PERCENT), is(nullValue()));
    assertThat(PriceChecks.priceBreak(held("XYZ", "5"), book(), FIVE_PERCENT), is(nullValue()));
    assertThat(PriceChecks.priceBreak(held("VTI", null), book(), FIVE_PERCENT), is(nullValue()));
  }
}
