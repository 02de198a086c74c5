package io.rebalancer.core;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AccountAnalyzerTest {
  private static final AccountKey KEY = new AccountKey("B1", "A1");
  private static final AccountInfo INFO =
      new AccountInfo(KEY, "SMITH", "balanced-60-40", new BigDecimal("500.00"));
  private static final String FILE = "/data/b1/positions.csv";

  private static Holding holding(String symbol, String quantity, String price, String assetClass,
      String uri, long line) {
    return new Holding("B1", "A1", symbol, new BigDecimal(quantity), new BigDecimal(price),
        assetClass, Holding.isCash(symbol, assetClass), "B1", uri, line);
  }

  private static Holding holding(String symbol, String quantity, String price, String assetClass,
      long line) {
    return holding(symbol, quantity, price, assetClass, FILE, line);
  }

  /** VTI 3000.00 and BND 1000.00 invested, 950.00 CASH and 50.00 of a CASH-class sweep fund. */
  private static List<Holding> book() {
    return List.of(
        holding("VTI", "12", "250.00", "EQUITY", 2),
        holding("BND", "16", "62.50", "FIXED_INCOME", 3),
        holding("CASH", "950.00", "1", "CASH", 4),
        holding("SPAXX", "50", "1.00", "CASH", 5));
  }

  @Test
  void totalCashAndInvestedValue() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());

    assertThat(a.totalValue(), is(new BigDecimal("5000.00")));
    assertThat(a.cashValue(), is(new BigDecimal("1000.00")));
    assertThat(a.investedValue(), is(new BigDecimal("4000.00")));
    assertThat(a.spendableCash(), is(new BigDecimal("500.00")));
  }

  @Test
  void carriesTheAccountInfo() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());

    assertThat(a.key(), is(KEY));
    assertThat(a.householdId(), is("SMITH"));
    assertThat(a.modelId(), is("balanced-60-40"));
    assertThat(a.cashReserve(), is(new BigDecimal("500.00")));
  }

  @Test
  void positionCountIsDistinctNonCashSymbols() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());

    assertThat(a.positionCount(), is(2));
    assertThat(a.positions().stream().map(Position::symbol).toList(),
        contains("BND", "CASH", "SPAXX", "VTI"));
  }

  @Test
  void hhiIsSumOfSquaredWeightsInTheInvestedValue() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());

    // VTI 3000 / 4000 = 0.75, BND 1000 / 4000 = 0.25: 0.5625 + 0.0625; cash is left out.
    assertThat(a.hhi(), closeTo(0.625, 1e-15));
  }

  @Test
  void hhiIsNullWhenNothingIsInvested() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO,
        List.of(holding("CASH", "100.00", "1", "CASH", 2)), PriceBook.empty());

    assertThat(a.hhi(), is(nullValue()));
    assertThat(a.positionCount(), is(0));
    assertThat(a.totalValue(), is(new BigDecimal("100.00")));
  }

  @Test
  void symbolOnTwoRowsIsOnePositionPricedByItsFirstRow() {
    List<Holding> rows = List.of(
        holding("VTI", "10", "250.00", "EQUITY", 3),
        holding("VTI", "5", "251.00", "EQUITY", 7));

    AccountAnalysis a = AccountAnalyzer.analyze(INFO, rows, PriceBook.empty());

    assertThat(a.positions(), contains(new Position("VTI", "EQUITY", new BigDecimal("15"),
        new BigDecimal("250.00"), new BigDecimal("3755.00"), false)));
    // the total is the sum of the rows as exported: 10 * 250.00 + 5 * 251.00
    assertThat(a.totalValue(), is(new BigDecimal("3755.00")));
    assertThat(a.positionCount(), is(1));
  }

  @Test
  void firstRowIsTheFirstInFileOrderWhateverTheArrivalOrder() {
    Holding laterFile = holding("VTI", "5", "251.00", "EQUITY", "/data/b1/z.csv", 1);
    Holding laterLine = holding("VTI", "1", "249.00", "EQUITY", "/data/b1/a.csv", 9);
    Holding first = holding("VTI", "10", "250.00", "EQUITY", "/data/b1/a.csv", 2);

    AccountAnalysis a = AccountAnalyzer.analyze(INFO, List.of(laterFile, laterLine, first),
        PriceBook.empty());

    assertThat(a.positions().get(0).price(), is(new BigDecimal("250.00")));
    assertThat(a.positions().get(0).quantity(), is(new BigDecimal("16")));
  }

  @Test
  void resultDoesNotDependOnTheOrderOfTheHoldings() {
    List<Holding> rows = new ArrayList<>(book());
    rows.add(holding("VTI", "4", "251.00", "EQUITY", 9));
    List<Holding> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    PriceBook prices = new PriceBook(List.of(
        series("VTI", "250", "260", "255"), series("BND", "62", "61", "63")));

    assertThat(AccountAnalyzer.analyze(INFO, reversed, prices),
        equalTo(AccountAnalyzer.analyze(INFO, rows, prices)));
  }

  @Test
  void aSymbolOnACashRowAndANonCashRowIsCashOnOneAndAPositionOnTheOther() {
    // SPAXX: 100.00 on a CASH-class row (cash), 40 shares at 2.50 on a MONEY_MARKET row (not).
    // In either file order: the first row's flag must not decide for the other.
    for (List<Holding> rows : List.of(
        List.of(holding("SPAXX", "100", "1.00", "CASH", 2),
            holding("SPAXX", "40", "2.50", "MONEY_MARKET", 3)),
        List.of(holding("SPAXX", "40", "2.50", "MONEY_MARKET", 2),
            holding("SPAXX", "100", "1.00", "CASH", 3)))) {
      AccountAnalysis a = AccountAnalyzer.analyze(INFO, rows, PriceBook.empty());

      assertThat(a.cashValue(), is(new BigDecimal("100.00")));
      assertThat(a.investedValue(), is(new BigDecimal("100.00")));
      assertThat(a.positionCount(), is(1));
      assertThat(a.hhi(), closeTo(1.0, 1e-15));
      assertThat(a.positions(), contains(
          new Position("SPAXX", "MONEY_MARKET", new BigDecimal("40"), new BigDecimal("2.50"),
              new BigDecimal("100.00"), false),
          new Position("SPAXX", "CASH", new BigDecimal("100"), new BigDecimal("1.00"),
              new BigDecimal("100.00"), true)));
      assertThat(a.valuesBySymbol(), is(new TreeMap<>(Map.of("CASH", new BigDecimal("100.00"),
          "SPAXX", new BigDecimal("100.00")))));
      assertThat(a.valuesByAssetClass(), is(new TreeMap<>(Map.of("CASH",
          new BigDecimal("100.00"), "MONEY_MARKET", new BigDecimal("100.00")))));
      assertThat(a.investedQuantities(), is(new TreeMap<>(Map.of("SPAXX", new BigDecimal("40")))));
    }
  }

  @Test
  void aHouseholdsValuesByAssetClassAreItsAccountsSummed() {
    // A1: EQUITY 3000, FIXED_INCOME 1000, cash 950 + a CASH-class fund 50.
    // A2: EQUITY 500, a CASH-class fund 20 and cash 80: both cash, one CASH entry.
    AccountAnalysis a1 = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());
    AccountInfo other = new AccountInfo(new AccountKey("B2", "A2"), "SMITH", "balanced-60-40",
        BigDecimal.ZERO);
    AccountAnalysis a2 = AccountAnalyzer.analyze(other, List.of(
        holding("VXUS", "10", "50.00", "EQUITY", 2),
        holding("VMFXX", "20", "1.00", "CASH", 3),
        holding("CASH", "80.00", "1", "CASH", 4)), PriceBook.empty());

    assertThat(AccountAnalysis.valuesByAssetClass(List.of(a2, a1)), is(new TreeMap<>(Map.of(
        "CASH", new BigDecimal("1100.00"), "EQUITY", new BigDecimal("3500.00"),
        "FIXED_INCOME", new BigDecimal("1000.00")))));
    assertThat(AccountAnalysis.valuesByAssetClass(List.of()), is(new TreeMap<>()));
  }

  @Test
  void anAccountWorthZeroHasZeroTotalsAndNoConcentrationWithoutDividingByZero() {
    // 10 VTI at 250 = 2500 invested, 2500 of margin debt: total exactly 0.
    List<Holding> rows = List.of(
        holding("VTI", "10", "250.00", "EQUITY", 2),
        holding("CASH", "-2500.00", "1", "CASH", 3));
    PriceBook prices = new PriceBook(List.of(series("VTI", "250", "240", "260")));

    AccountAnalysis a = AccountAnalyzer.analyze(INFO, rows, prices);

    assertThat(a.totalValue().signum(), is(0));
    assertThat(a.hhi(), closeTo(1.0, 1e-15));
    // the series passes through 0 (2500 - 2500): returns are undefined, so no risk figures
    assertThat(a.volatility(), is(nullValue()));
    // nothing invested and nothing in cash: no concentration rather than 0 / 0
    AccountAnalysis empty = AccountAnalyzer.analyze(INFO,
        List.of(holding("VTI", "0", "250.00", "EQUITY", 2)), prices);
    assertThat(empty.totalValue().signum(), is(0));
    assertThat(empty.hhi(), is(nullValue()));
  }

  @Test
  void riskFiguresHoldTodaysHoldingsOverThePriceHistory() {
    List<Holding> rows = List.of(
        holding("VTI", "10", "99", "EQUITY", 2),
        holding("CASH", "1000", "1", "CASH", 3));
    PriceBook prices = new PriceBook(List.of(series("VTI", "100", "200", "150")));

    AccountAnalysis a = AccountAnalyzer.analyze(INFO, rows, prices);

    // values 2000, 3000, 2500: returns 0.5 and -1/6, mean 1/6, sample variance 2/9
    assertThat(a.volatility(), closeTo(Math.sqrt(2.0 / 9.0) * Math.sqrt(252), 1e-12));
    assertThat(a.maxDrawdown(), closeTo(1.0 / 6.0, 1e-12));
    assertThat(a.riskScore(), is(10));
  }

  @Test
  void riskFiguresAreNullWithoutPriceHistory() {
    AccountAnalysis a = AccountAnalyzer.analyze(INFO, book(), PriceBook.empty());

    assertThat(a.volatility(), is(nullValue()));
    assertThat(a.maxDrawdown(), is(nullValue()));
    assertThat(a.riskScore(), is(nullValue()));
  }

  /** Closes on consecutive days from 2025-01-02. */
  private static PriceSeries series(String symbol, String... closes) {
    List<PricePoint> points = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      points.add(new PricePoint(LocalDate.of(2025, 1, 2).plusDays(i), new BigDecimal(closes[i])));
    }
    return new PriceSeries(symbol, points);
  }
}
