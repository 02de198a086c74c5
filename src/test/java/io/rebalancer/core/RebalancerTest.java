package io.rebalancer.core;

import static io.rebalancer.core.TestHouseholds.hold;
import static io.rebalancer.core.TestHouseholds.model;
import static io.rebalancer.core.TestHouseholds.prices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed households for every rule of SPEC "Rebalancing, per household". */
class RebalancerTest {
  private static final RebalanceRules DEFAULT = RebalanceRules.defaults();

  @Test
  void noSymbolOutOfBandMeansNoTrades() {
    HouseholdPlan plan = rebalance(DEFAULT, model("A", "0.6", "B", "0.4"),
        account("B1", "a1", "0", hold("A", "60", "10"), hold("B", "40", "10")));
    assertThat(plan.status(), is(HouseholdPlan.Status.WITHIN_TOLERANCE));
    assertThat(plan.orders(), is(empty()));
  }

  @Test
  void absoluteBandSellsTheOverweightAndBuysTheUnderweight() {
    // V = 1000; A 0.70 vs 0.60, B 0.30 vs 0.40: both 0.10 > 0.05 off. Change -100 / +100 at 10.
    HouseholdPlan plan = rebalance(DEFAULT, model("A", "0.6", "B", "0.4"),
        account("B1", "a1", "0", hold("A", "70", "10"), hold("B", "30", "10")));
    assertThat(rows(plan), contains("B1/a1 SELL A 10 @10 overweight",
        "B1/a1 BUY B 10 @10 underweight"));
    assertThat(plan.orders().get(0).currentWeight().compareTo(new BigDecimal("0.7")), is(0));
  }

  @Test
  void relativeBandTriggersForSmallTargetsAndIsStrict() {
    // t = 0.10: relative band 0.25 * 0.10 = 0.025 of 1000 = 25; absolute band 50.
    Model m = model("A", "0.1", "B", "0.9");
    RebalanceRules noMinimum = rules("0", true, 6);
    // A at 0.07 is 0.03 off: out of band by the relative band only; B at 0.90 is on target.
    HouseholdPlan off = rebalance(noMinimum, m, account("B1", "a1", "0", hold("A", "7", "10"),
        hold("B", "90", "10"), hold("CASH", "30", "1")));
    assertThat(rows(off), contains("B1/a1 BUY A 3 @10 underweight"));
    // 0.075 is exactly 0.025 away: not out of band (the test is strictly greater).
    HouseholdPlan boundary = rebalance(noMinimum, m, account("B1", "a1", "0",
        hold("A", "75", "1"), hold("B", "925", "1")));
    assertThat(boundary.status(), is(HouseholdPlan.Status.WITHIN_TOLERANCE));
  }

  @Test
  void symbolsOutsideTheModelAreLiquidatedWholeButRestrictedOnesNeverTrade() {
    RebalanceRules restrictR = new RebalanceRules(new BigDecimal("0.05"),
        new BigDecimal("0.25"), new BigDecimal("100"), true, 6, List.of("R"));
    // V = 1000: A 600 (t .6), C 2.5 shares @ 40 = 100 (t 0), R 300 (t 0, restricted).
    HouseholdPlan plan = rebalance(restrictR, prices("B", "10"), model("A", "0.6", "B", "0.4"),
        account("B1", "a1", "0", hold("A", "60", "10"), hold("C", "2.5", "40"),
            hold("R", "30", "10")));
    // Liquidating C sells all 2.5 shares even with whole shares; B buys 400 / 10 = 40 but only
    // the 100 of proceeds is available: floor(40 * 100 / 400) = 10.
    assertThat(rows(plan), contains("B1/a1 SELL C 2.5 @40 liquidate: not in model",
        "B1/a1 BUY B 10 @10 underweight"));
  }

  @Test
  void sellsUnderTheMinimumAreDropped() {
    // A is 0.06 over its 0.5 target of 1000: a 60 sell, under the 100 minimum. B buys 60 worth,
    // but with no cash and no proceeds nothing can be bought.
    HouseholdPlan plan = rebalance(DEFAULT, model("A", "0.5", "B", "0.5"),
        account("B1", "a1", "0", hold("A", "56", "10"), hold("B", "44", "10")));
    assertThat(plan.status(), is(HouseholdPlan.Status.REBALANCED));
    assertThat(plan.orders(), is(empty()));
    assertThat(plan.unplaced(), is(empty()));
  }

  @Test
  void buysAreScaledToTheCashAboveReserves() {
    // V = 1000 of cash; reserve 400 leaves 600. Wanted: A 500/30 -> 16 (480), B 500/70 -> 7 (490).
    // Cost 970 > 600: A floor(16 * 600 / 970) = 9, B floor(7 * 600 / 970) = 4.
    HouseholdPlan plan = rebalance(DEFAULT, prices("A", "30", "B", "70"),
        model("A", "0.5", "B", "0.5"), account("B1", "a1", "400", hold("CASH", "1000", "1")));
    assertThat(rows(plan), contains("B1/a1 BUY A 9 @30 underweight",
        "B1/a1 BUY B 4 @70 underweight"));
  }

  @Test
  void fractionalSharesRoundDownAtTheQuantityScale() {
    HouseholdPlan plan = rebalance(rules("100", false, 2), prices("A", "30", "B", "70"),
        model("A", "0.5", "B", "0.5"), account("B1", "a1", "0", hold("CASH", "1000", "1")));
    // 500 / 30 = 16.666.. -> 16.66; 500 / 70 = 7.1428.. -> 7.14; cost 999.60 fits in 1000.
    assertThat(rows(plan), contains("B1/a1 BUY A 16.66 @30 underweight",
        "B1/a1 BUY B 7.14 @70 underweight"));
  }

  @Test
  void buysGoToTheRichestAccountFirstThenTheNext() {
    // 10 shares of X at 100: a2 (500) takes 5, a1 (300) 3, then B2/a0 (200) 2.
    HouseholdPlan plan = rebalance(DEFAULT, prices("X", "100"), model("X", "1"),
        account("B1", "a1", "0", hold("CASH", "300", "1")),
        account("B1", "a2", "0", hold("CASH", "500", "1")),
        account("B2", "a0", "0", hold("CASH", "200", "1")));
    assertThat(rows(plan), contains("B1/a1 BUY X 3 @100 underweight",
        "B1/a2 BUY X 5 @100 underweight", "B2/a0 BUY X 2 @100 underweight"));
  }

  @Test
  void equalBudgetsAreBrokenByBrokerageThenAccount() {
    HouseholdPlan plan = rebalance(DEFAULT, prices("X", "100"), model("X", "1"),
        account("B2", "a0", "0", hold("CASH", "300", "1")),
        account("B1", "a9", "0", hold("CASH", "300", "1")));
    // 6 shares: B1/a9 first (3 shares), then B2/a0 (3 shares).
    assertThat(rows(plan), contains("B1/a9 BUY X 3 @100 underweight",
        "B2/a0 BUY X 3 @100 underweight"));
  }

  @Test
  void whatNoAccountCanPayForIsUnplaced() {
    // 3 shares of X at 100 with 150 + 150: each account buys one, 50 + 50 buys nothing more.
    HouseholdPlan plan = rebalance(DEFAULT, prices("X", "100"), model("X", "1"),
        account("B1", "a1", "0", hold("CASH", "150", "1")),
        account("B1", "a2", "0", hold("CASH", "150", "1")));
    assertThat(rows(plan), contains("B1/a1 BUY X 1 @100 underweight",
        "B1/a2 BUY X 1 @100 underweight"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "X", Side.BUY, BigDecimal.ONE,
        UnplacedTrade.NO_CASH)));
  }

  @Test
  void sellsComeFromTheLargestHoldingsFirstAndFundTheirOwnAccountsBuys() {
    // S: a1 5, a2 10, a3 10 of 25 at 10 = 250 of V = 1000 (t 0.1 -> sell 150 = 15 shares).
    // a2 and a3 tie at 10: a2 first (account order) sells 10, a3 sells 5. T (t 0.9, 750 held)
    // buys 150 = 15 shares: a2 has 100 of proceeds (10 shares), a3 50 (5 shares).
    HouseholdPlan plan = rebalance(DEFAULT, model("S", "0.1", "T", "0.9"),
        account("B1", "a1", "0", hold("S", "5", "10"), hold("T", "25", "10")),
        account("B1", "a2", "0", hold("S", "10", "10"), hold("T", "25", "10")),
        account("B1", "a3", "0", hold("S", "10", "10"), hold("T", "25", "10")));
    assertThat(rows(plan), contains("B1/a2 SELL S 10 @10 overweight",
        "B1/a2 BUY T 10 @10 underweight", "B1/a3 SELL S 5 @10 overweight",
        "B1/a3 BUY T 5 @10 underweight"));
  }

  @Test
  void aModelSymbolWithNoPriceIsUnplaced() {
    HouseholdPlan plan = rebalance(DEFAULT, model("A", "0.8", "N", "0.2"),
        account("B1", "a1", "0", hold("A", "100", "10")));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "N", Side.BUY, null,
        UnplacedTrade.NO_PRICE)));
    assertThat(plan.unplaced().get(0).quantity(), is(nullValue()));
  }

  @Test
  void theLatestCloseIsTheTradingPriceAndTheRowPriceTheFallback() {
    LocalDate d = LocalDate.of(2026, 11, 20);
    PriceBook prices = new PriceBook(List.of(new PriceSeries("B", List.of(
        new PricePoint(d.minusDays(1), new BigDecimal("19")), new PricePoint(d, new BigDecimal("20"))))));
    // V = 1000 by row prices: A 700 (t .6) sells 100 at its row price 10 -> 10 shares;
    // B buys (400 - 300) / 20 = 5 at the latest close 20.
    HouseholdPlan plan = new Rebalancer(DEFAULT).rebalance("H", model("A", "0.6", "B", "0.4"),
        List.of(account("B1", "a1", "0", hold("A", "70", "10"), hold("B", "30", "10"))), prices);
    assertThat(rows(plan), contains("B1/a1 SELL A 10 @10 overweight",
        "B1/a1 BUY B 5 @20 underweight"));
  }

  @Test
  void aHouseholdWithoutValueIsNotTraded() {
    HouseholdPlan plan = rebalance(DEFAULT, model("A", "1"),
        account("B1", "a1", "0", hold("CASH", "0", "1")));
    assertThat(plan.status(), is(HouseholdPlan.Status.NO_VALUE));
    assertThat(plan.orders(), is(empty()));
  }

  @Test
  void theResultDoesNotDependOnTheOrderAccountsArriveIn() {
    AccountAnalysis a1 = account("B1", "a1", "0", hold("CASH", "300", "1"));
    AccountAnalysis a2 = account("B1", "a2", "0", hold("CASH", "300", "1"), hold("Z", "1", "50"));
    Rebalancer r = new Rebalancer(DEFAULT);
    HouseholdPlan forward = r.rebalance("H", model("X", "1"), List.of(a1, a2), PriceBook.empty());
    HouseholdPlan backward = r.rebalance("H", model("X", "1"), List.of(a2, a1), PriceBook.empty());
    assertThat(forward, is(backward));
  }

  @Test
  void aSymbolOnACashRowAndANonCashRowIsCashOnOneAndTradedOnTheOther() {
    // V = 1000: X 50 at 10 on a CASH-class row is cash (500), X 20 at 10 on an EQUITY row is a
    // position outside the model (200, liquidated), A 300 (t 0.5) buys 200 / 10 = 20 with the
    // 500 of cash plus the 200 of proceeds. In either file order.
    Model m = model("A", "0.5", "CASH", "0.5");
    for (boolean cashRowFirst : List.of(true, false)) {
      Holding cashRow = hold("X", "50", "10", "CASH");
      Holding positionRow = hold("X", "20", "10", "EQUITY");
      HouseholdPlan plan = rebalance(DEFAULT, m, account("B1", "a1", "0",
          cashRowFirst ? cashRow : positionRow, cashRowFirst ? positionRow : cashRow,
          hold("A", "30", "10")));

      assertThat(rows(plan), contains("B1/a1 SELL X 20 @10 liquidate: not in model",
          "B1/a1 BUY A 20 @10 underweight"));
      assertThat(plan.allocations().stream().map(a -> a.symbol() + " " + a.marketValue())
          .toList(), contains("A 300", "CASH 500", "X 200"));
    }
  }

  @Test
  void theOrdersCurrentWeightIsRoundedOnceHalfEvenFromTheExactWeight() {
    // V = 10,000,000 and X = 1,234,565 + 1e-33: w = 0.1234565 + 1e-40, just above the half-way
    // point, so 0.123457. A 34-digit quotient first (0.1234565000...) would round to 0.123456.
    BigDecimal tiny = new BigDecimal("1e-33");
    BigDecimal price = new BigDecimal("1234565").add(tiny);
    BigDecimal cash = new BigDecimal("8765435").subtract(tiny);
    HouseholdPlan plan = rebalance(DEFAULT, model("X", "0.5", "CASH", "0.5"),
        account("B1", "a1", "0", hold("X", "1", price.toPlainString()),
            hold("CASH", cash.toPlainString(), "1")));

    // X buys floor((5,000,000 - 1,234,565.000...1) / 1,234,565.000...1) = 3 shares.
    assertThat(plan.orders().get(0).quantity(), is(new BigDecimal("3")));
    assertThat(plan.orders().get(0).currentWeight(), is(new BigDecimal("0.123457")));
    assertThat(io.rebalancer.io.TradeOrderCsv.weight(plan.orders().get(0).currentWeight()),
        is("0.123457"));
  }

  @Test
  void liquidatingASymbolHeldLongAndShortClosesEachLegOnItsOwnAccount() {
    // X is in no model: a1 holds 30 long (300), a2 10 short (-100). V = 300 + 200 - 100 + 600.
    // Selling the 30 alone would leave the household 10 short: a2 buys its 10 back (100, paid
    // from its own 600 of cash).
    HouseholdPlan plan = rebalance(DEFAULT, model("CASH", "1"),
        account("B1", "a1", "0", hold("X", "30", "10"), hold("CASH", "200", "1")),
        account("B1", "a2", "0", hold("X", "-10", "10"), hold("CASH", "600", "1")));

    assertThat(rows(plan), contains("B1/a1 SELL X 30 @10 liquidate: not in model",
        "B1/a2 BUY X 10 @10 liquidate: not in model"));
    assertThat(plan.unplaced(), is(empty()));
  }

  @Test
  void aShortLegIsBoughtBackWithItsOwnAccountsCashAndWhatItCannotPayForIsUnplaced() {
    // a2 is 10 short at 10 with 50 of cash and a 20 reserve: it can pay for 3 (30), 7 unplaced.
    // a1's 900 of cash cannot close a2's short: a buy there would not flatten a2's leg.
    HouseholdPlan plan = rebalance(DEFAULT, model("CASH", "1"),
        account("B1", "a1", "0", hold("CASH", "900", "1")),
        account("B1", "a2", "20", hold("X", "-10", "10"), hold("CASH", "50", "1")));

    assertThat(rows(plan), contains("B1/a2 BUY X 3 @10 liquidate: not in model"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "X", Side.BUY,
        new BigDecimal("7"), UnplacedTrade.NO_CASH_TO_COVER)));
  }

  @Test
  void aFractionalShortIsBoughtBackWholeEvenWithWholeShares() {
    // 12.5 short at 10 (125) with 500 of cash: all 12.5, as a long leg is sold whole.
    HouseholdPlan plan = rebalance(DEFAULT, model("CASH", "1"),
        account("B1", "a1", "0", hold("X", "-12.5", "10"), hold("CASH", "500", "1")));
    assertThat(rows(plan), contains("B1/a1 BUY X 12.5 @10 liquidate: not in model"));
  }

  @Test
  void buyingBackAShortIsPaidForBeforeTheModelsBuys() {
    // V = 300 - 100 = 200. X (2 short at 50) is bought back for 100; B (t 0.5) wants 100 / 10
    // = 10 shares (100). The 150 above the reserve, less the 100 of buy-back, leaves 50: B is cut
    // to floor(10 * 50 / 100) = 5 in step 4, rather than placed whole and then left unplaced.
    HouseholdPlan plan = rebalance(rules("0", true, 6), prices("B", "10"),
        model("B", "0.5", "CASH", "0.5"),
        account("B1", "a1", "150", hold("X", "-2", "50"), hold("CASH", "300", "1")));

    assertThat(rows(plan), contains("B1/a1 BUY B 5 @10 underweight",
        "B1/a1 BUY X 2 @50 liquidate: not in model"));
    assertThat(plan.unplaced(), is(empty()));
  }

  @Test
  void aHouseholdWorthExactlyZeroIsNotTradedAndHasZeroWeights() {
    // A 100 held on 100 of margin debt: V = 0, so no weight can be formed; all are 0.
    HouseholdPlan plan = rebalance(DEFAULT, prices("B", "10"), model("A", "0.5", "B", "0.5"),
        account("B1", "a1", "0", hold("A", "10", "10"), hold("CASH", "-100", "1")));

    assertThat(plan.status(), is(HouseholdPlan.Status.NO_VALUE));
    assertThat(plan.orders(), is(empty()));
    assertThat(plan.allocations().stream().map(a -> a.symbol() + " " + a.weight() + " "
        + a.outOfBand()).toList(), contains("A 0 false", "B 0 false", "CASH 0 false"));
  }

  @Test
  void aHouseholdWorthNearlyZeroTradesNothingItCannotAfford() {
    // V = 0.000001 of cash: X (t 1) is out of band but 0.000001 / 10 buys no share.
    HouseholdPlan plan = rebalance(rules("0", false, 4), prices("X", "10"), model("X", "1"),
        account("B1", "a1", "0", hold("CASH", "0.000001", "1")));

    assertThat(plan.status(), is(HouseholdPlan.Status.REBALANCED));
    assertThat(plan.orders(), is(empty()));
  }

  @Test
  void aSymbolWhosePriceIsZeroCannotBeTradedAndIsUnplaced() {
    // A close of 0 prices nothing: dividing the change by it would crash the run.
    HouseholdPlan plan = rebalance(DEFAULT, prices("X", "0"), model("X", "1"),
        account("B1", "a1", "0", hold("CASH", "1000", "1")));
    assertThat(plan.orders(), is(empty()));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "X", Side.BUY, null,
        UnplacedTrade.NO_PRICE)));

    // A held row priced 0 (with no close) is valued 0 and, out of the model, cannot be sold.
    HouseholdPlan held = rebalance(DEFAULT, model("CASH", "1"),
        account("B1", "a1", "0", hold("Z", "5", "0"), hold("CASH", "1000", "1")));
    assertThat(held.orders(), is(empty()));
    assertThat(held.unplaced(), contains(new UnplacedTrade("H", "Z", Side.SELL, null,
        UnplacedTrade.NO_PRICE)));
  }

  // --- helpers -----------------------------------------------------------------------------

  private static HouseholdPlan rebalance(RebalanceRules rules, Model model,
      AccountAnalysis... accounts) {
    return rebalance(rules, PriceBook.empty(), model, accounts);
  }

  private static HouseholdPlan rebalance(RebalanceRules rules, PriceBook prices, Model model,
      AccountAnalysis... accounts) {
    return new Rebalancer(rules).rebalance("H", model, List.of(accounts), prices);
  }

  private static RebalanceRules rules(String minTrade, boolean whole, int scale) {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal(minTrade), whole, scale, List.of());
  }

  private static AccountAnalysis account(String brokerage, String account, String reserve,
      Holding... holdings) {
    AccountKey key = new AccountKey(brokerage, account);
    List<Holding> rows = new ArrayList<>();
    long line = 1;
    for (Holding h : holdings) {
      rows.add(new Holding(brokerage, account, h.symbol(), h.quantity(), h.price(),
          h.assetClass(), h.cash(), brokerage, "file", line++));
    }
    return AccountAnalyzer.analyze(new AccountInfo(key, "H", "m", new BigDecimal(reserve)), rows,
        PriceBook.empty());
  }

  /** Orders as "brokerage/account SIDE SYMBOL quantity @price reason", in file order. */
  private static List<String> rows(HouseholdPlan plan) {
    return plan.orders().stream().map(o -> o.brokerageId() + "/" + o.accountId() + " "
        + o.side() + " " + o.symbol() + " " + o.quantity().stripTrailingZeros().toPlainString()
        + " @" + o.price().stripTrailingZeros().toPlainString() + " " + o.reason()).toList();
  }
}
