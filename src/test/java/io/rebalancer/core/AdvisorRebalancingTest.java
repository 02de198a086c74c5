package io.rebalancer.core;

import static io.rebalancer.core.TestHouseholds.classModel;
import static io.rebalancer.core.TestHouseholds.hold;
import static io.rebalancer.core.TestHouseholds.model;
import static io.rebalancer.core.TestHouseholds.prices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed households for SPEC "Rebalancing as advisors do it" (all but tax lots): trading
 * restrictions, buy-only, band edges, asset-class models, and their combinations.
 */
class AdvisorRebalancingTest {
  private static final RebalanceRules BANDS = rules("100", RebalanceMode.BANDS, TradeTo.TARGET);

  // --- account restrictions ----------------------------------------------------------------

  @Test
  void aFrozenAccountHoldingTheOnlyCopyLeavesTheSellUnplacedAndItsValueUnspendable() {
    // V = 2000: N holds 1000 cash, F (frozen) 100 A @ 10. A 0.50 vs 0.25: sell (500 - 1000) / 10
    // = 50, but only F holds A. B 0 vs 0.75: buy 1500 / 10 = 150; only N's 1000 can be spent:
    // floor(150 * 1000 / 1500) = 100.
    HouseholdPlan plan = rebalance(BANDS, prices("B", "10"), model("A", "0.25", "B", "0.75"),
        account("N", Trading.NORMAL, "0", hold("CASH", "1000", "1")),
        account("F", Trading.FROZEN, "0", hold("A", "100", "10")));
    assertThat(rows(plan), contains("N BUY B 100 @10 underweight"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "A", Side.SELL,
        new BigDecimal("50"), UnplacedTrade.NO_ACCOUNT_MAY_SELL)));
  }

  @Test
  void sellsGoOnlyWhereSellingIsAllowedAndOnlyBuyersCashFundsBuys() {
    // V = 1100: S (no-sell) 60 A @ 10 and 100 cash, X (no-buy) 40 A @ 10. A 1000 vs 0.5 * 1100:
    // sell 450 / 10 = 45, X can sell its 40, 5 are unplaced. C buys 550 / 10 = 55, but X's
    // proceeds cannot be spent (X may not buy) and S has 100: floor(55 * 100 / 550) = 10.
    HouseholdPlan plan = rebalance(BANDS, prices("C", "10"), model("A", "0.5", "C", "0.5"),
        account("S", Trading.NO_SELL, "0", hold("A", "60", "10"), hold("CASH", "100", "1")),
        account("X", Trading.NO_BUY, "0", hold("A", "40", "10")));
    assertThat(rows(plan), contains("S BUY C 10 @10 underweight",
        "X SELL A 40 @10 overweight"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "A", Side.SELL,
        new BigDecimal("5"), UnplacedTrade.NO_ACCOUNT_MAY_SELL)));
  }

  @Test
  void aBuyNoAccountMayHostIsUnplacedWholeNotCutToNothing() {
    // V = 1000, all cash, in a no-buy account: A would buy 1000 / 10 = 100.
    HouseholdPlan plan = rebalance(BANDS, prices("A", "10"), model("A", "1"),
        account("X", Trading.NO_BUY, "0", hold("CASH", "1000", "1")));
    assertThat(plan.orders(), is(empty()));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "A", Side.BUY,
        new BigDecimal("100"), UnplacedTrade.NO_ACCOUNT_MAY_BUY)));
  }

  // --- buy-only ----------------------------------------------------------------------------

  @Test
  void buyOnlyInvestsCashAboveTheCashTargetInProportionToTheDeficits() {
    // V = 10000: A 6000 (t 0.5, over: not sold), B 1000 (t 0.3), C 500 (not in the model: left
    // alone), cash 2500 (t 0.05 = 500). Spendable = min(2500, 2500 - 500) = 2000. Deficits: B
    // 2000, D 1500 (not held): 3500 > 2000, so B gets 2000 * 2000 / 3500 = 1142.86 -> 114 @ 10
    // and D 1500 * 2000 / 3500 = 857.14 -> 42 @ 20. Bands would have sold A.
    HouseholdPlan plan = rebalance(rules("100", RebalanceMode.BUY_ONLY, TradeTo.TARGET),
        prices("D", "20"), model("A", "0.5", "B", "0.3", "D", "0.15", "CASH", "0.05"),
        account("N", Trading.NORMAL, "0", hold("A", "600", "10"), hold("B", "100", "10"),
            hold("C", "5", "100"), hold("CASH", "2500", "1")));
    assertThat(plan.status(), is(HouseholdPlan.Status.REBALANCED));
    assertThat(rows(plan), contains("N BUY B 114 @10 underweight",
        "N BUY D 42 @20 underweight"));
  }

  @Test
  void buyOnlySpendsNoMoreThanTheCashAboveReservesAndSkipsWhatHasNoPrice() {
    // V = 1000: A 500 (t 0.6), cash 500 with a 300 reserve. Spendable = min(200, 500 - 0) = 200.
    // Deficits: A 100, Z 400 but Z has no price (unplaced, not counted): A gets 100 -> 10 @ 10.
    HouseholdPlan plan = rebalance(rules("50", RebalanceMode.BUY_ONLY, TradeTo.TARGET),
        prices(), model("A", "0.6", "Z", "0.4"),
        account("N", Trading.NORMAL, "300", hold("A", "50", "10"), hold("CASH", "500", "1")));
    assertThat(rows(plan), contains("N BUY A 10 @10 underweight"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "Z", Side.BUY, null,
        UnplacedTrade.NO_PRICE)));
  }

  @Test
  void buyOnlyWithNothingBelowTargetTradesNothing() {
    HouseholdPlan plan = rebalance(rules("0", RebalanceMode.BUY_ONLY, TradeTo.TARGET),
        prices(), model("A", "0.5", "CASH", "0.5"),
        account("N", Trading.NORMAL, "0", hold("A", "90", "10"), hold("CASH", "100", "1")));
    assertThat(plan.status(), is(HouseholdPlan.Status.WITHIN_TOLERANCE));
    assertThat(plan.orders(), is(empty()));
  }

  // --- band edge ---------------------------------------------------------------------------

  @Test
  void bandEdgeTradesOnlyBackToTheNearestEdgeAndStillLiquidatesWhole() {
    // V = 1000: A 0.68 vs 0.6 (h = min(0.05, 0.15) = 0.05): to 0.65, sell 30 -> 3 @ 10. B 0.30 vs
    // 0.4 (h = min(0.05, 0.1)): to 0.35, buy 50 -> 5. C (t 0) 2 @ 10 is sold whole.
    HouseholdPlan plan = rebalance(rules("0", RebalanceMode.BANDS, TradeTo.BAND_EDGE),
        prices(), model("A", "0.6", "B", "0.4"),
        account("N", Trading.NORMAL, "0", hold("A", "68", "10"), hold("B", "30", "10"),
            hold("C", "2", "10")));
    assertThat(rows(plan), contains("N SELL A 3 @10 overweight",
        "N SELL C 2 @10 liquidate: not in model", "N BUY B 5 @10 underweight"));
  }

  @Test
  void bandEdgeUsesTheRelativeBandWhenItIsTheNarrower() {
    // V = 1000: A 0.02 vs 0.10, h = min(0.05, 0.025) = 0.025: to 0.075, buy 55 -> 5 @ 10.
    HouseholdPlan plan = rebalance(rules("0", RebalanceMode.BANDS, TradeTo.BAND_EDGE),
        prices(), model("A", "0.1", "CASH", "0.9"),
        account("N", Trading.NORMAL, "0", hold("A", "2", "10"), hold("CASH", "980", "1")));
    assertThat(rows(plan), contains("N BUY A 5 @10 underweight"));
  }

  // --- asset-class models ------------------------------------------------------------------

  @Test
  void aClassModelSellsTheLargestHoldingsOfAnOverweightClassAndBuysItsBuySymbol() {
    // V = 10000. US_EQUITY 6000 (VTI 5000, SCHB 1000) vs 0.4: sell 2000 from VTI first, 20 @
    // 100. BOND 2000 vs 0.5: buy 3000 / 100 = 30 BND. COMMODITY (t 0): GLD sold whole.
    HouseholdPlan plan = rebalance(BANDS, prices(), classModel(
            "US_EQUITY", "0.4", "VTI", "BOND", "0.5", "BND", "CASH", "0.1", null),
        account("N", Trading.NORMAL, "0", hold("VTI", "50", "100", "US_EQUITY"),
            hold("SCHB", "20", "50", "US_EQUITY"), hold("BND", "20", "100", "BOND"),
            hold("GLD", "10", "100", "COMMODITY"), hold("CASH", "1000", "1")));
    assertThat(rows(plan), contains("N SELL GLD 10 @100 liquidate: asset class COMMODITY not in model",
        "N SELL VTI 20 @100 overweight: asset class US_EQUITY",
        "N BUY BND 30 @100 underweight: asset class BOND"));
    TradeOrder vti = plan.orders().get(1);
    assertThat(vti.currentWeight().compareTo(new BigDecimal("0.6")), is(0));
    assertThat(vti.targetWeight().compareTo(new BigDecimal("0.4")), is(0));
  }

  @Test
  void aClassSellLowersTheRemainingAmountEvenBySellsThatAreThenDropped() {
    // V = 10000, minimum 200. US_EQUITY 6950 vs 0.166: sell 5290 from VTI (5000), SCHX (1050),
    // ITOT (900). VTI 50 -> 290 left; SCHX floor(290 / 150) = 1, 150 under the minimum: dropped,
    // but 140 left; ITOT floor(140 / 10) = 14, 140: dropped (29 of them would have been 290).
    // BOND buys 8340 / 100 = 83, scaled to the 3050 + 5000 available: floor(83 * 8050 / 8300).
    HouseholdPlan plan = rebalance(rules("200", RebalanceMode.BANDS, TradeTo.TARGET),
        prices("BND", "100"), classModel("US_EQUITY", "0.166", "VTI", "BOND", "0.834", "BND"),
        account("N", Trading.NORMAL, "0", hold("VTI", "50", "100", "US_EQUITY"),
            hold("SCHX", "7", "150", "US_EQUITY"), hold("ITOT", "90", "10", "US_EQUITY"),
            hold("CASH", "3050", "1")));
    assertThat(rows(plan), contains("N SELL VTI 50 @100 overweight: asset class US_EQUITY",
        "N BUY BND 80 @100 underweight: asset class BOND"));
  }

  @Test
  void aClassModelInBuyOnlyModeFillsTheClassDeficitsWithTheirBuySymbols() {
    // V = 1000: EQ 700 vs 0.5 (over: nothing sold), BOND 100 vs 0.4: deficit 300, cash 200 vs
    // 0.1 (100): spendable min(200, 100) = 100 -> 10 BND @ 10.
    HouseholdPlan plan = rebalance(rules("0", RebalanceMode.BUY_ONLY, TradeTo.TARGET), prices(),
        classModel("EQ", "0.5", "VTI", "BOND", "0.4", "BND", "CASH", "0.1", null),
        account("N", Trading.NORMAL, "0", hold("VTI", "70", "10", "EQ"),
            hold("BND", "10", "10", "BOND"), hold("CASH", "200", "1")));
    assertThat(rows(plan), contains("N BUY BND 10 @10 underweight: asset class BOND"));
  }

  @Test
  void aClassModelTradedToTheBandEdgeOnANoSellAccountLeavesTheSellUnplaced() {
    // V = 1000: EQ 0.70 vs 0.6 -> to 0.65: sell 50 of VTI = 5 @ 10, but the account is no-sell.
    // BOND 0.30 vs 0.4 -> to 0.35: buy 50 = 5 BND; no proceeds, no cash: cut to nothing.
    HouseholdPlan plan = rebalance(rules("0", RebalanceMode.BANDS, TradeTo.BAND_EDGE), prices(),
        classModel("EQ", "0.6", "VTI", "BOND", "0.4", "BND"),
        account("N", Trading.NO_SELL, "0", hold("VTI", "70", "10", "EQ"),
            hold("BND", "30", "10", "BOND")));
    assertThat(plan.orders(), is(empty()));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "VTI", Side.SELL,
        new BigDecimal("5"), UnplacedTrade.NO_ACCOUNT_MAY_SELL)));
  }

  @Test
  void aClassWhoseBuySymbolIsRestrictedIsNotBought() {
    RebalanceRules restricted = new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        BigDecimal.ZERO, true, 6, List.of("BND"), RebalanceMode.BANDS, TradeTo.TARGET);
    HouseholdPlan plan = rebalance(restricted, prices("BND", "10"),
        classModel("EQ", "0.5", "VTI", "BOND", "0.5", "BND"),
        account("N", Trading.NORMAL, "0", hold("VTI", "50", "10", "EQ"),
            hold("CASH", "50", "1")));
    // V = 550: EQ 500 vs 0.5 is still sold down, (275 - 500) / 10 -> 22; BOND is not bought.
    assertThat(rows(plan), contains("N SELL VTI 22 @10 overweight: asset class EQ"));
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "BND", Side.BUY, null,
        UnplacedTrade.RESTRICTED_BUY)));
  }

  @Test
  void aHouseholdsOwnModeAndTradeToOverrideTheConfigsOnly() {
    RebalanceRules own = BANDS.forHousehold(new HouseholdRules("H", RebalanceMode.BUY_ONLY, null));
    assertThat(own.mode(), is(RebalanceMode.BUY_ONLY));
    assertThat(own.tradeTo(), is(TradeTo.TARGET));
    assertThat(own.minTradeValue(), is(BANDS.minTradeValue()));
    assertThat(BANDS.forHousehold(null), is(BANDS));
    assertThat(BANDS.forHousehold(new HouseholdRules("H", null, TradeTo.BAND_EDGE)).tradeTo(),
        is(TradeTo.BAND_EDGE));
  }

  // --- helpers -----------------------------------------------------------------------------

  private static RebalanceRules rules(String minTrade, RebalanceMode mode, TradeTo tradeTo) {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal(minTrade), true, 6, List.of(), mode, tradeTo);
  }

  private static HouseholdPlan rebalance(RebalanceRules rules, PriceBook prices, Model model,
      AccountAnalysis... accounts) {
    return new Rebalancer(rules).rebalance("H", model, List.of(accounts), prices);
  }

  private static AccountAnalysis account(String account, Trading trading, String reserve,
      Holding... holdings) {
    AccountKey key = new AccountKey("B", account);
    List<Holding> rows = new ArrayList<>();
    long line = 1;
    for (Holding h : holdings) {
      rows.add(new Holding("B", account, h.symbol(), h.quantity(), h.price(), h.assetClass(),
          h.cash(), "B", "file", line++));
    }
    return AccountAnalyzer.analyze(new AccountInfo(key, "H", "m", new BigDecimal(reserve),
        AccountType.TAXABLE, trading), rows, PriceBook.empty());
  }

  /** Orders as "account SIDE SYMBOL quantity @price reason", in file order. */
  private static List<String> rows(HouseholdPlan plan) {
    return plan.orders().stream().map(o -> o.accountId() + " " + o.side() + " " + o.symbol()
        + " " + o.quantity().stripTrailingZeros().toPlainString() + " @"
        + o.price().stripTrailingZeros().toPlainString() + " " + o.reason()).toList();
  }
}
