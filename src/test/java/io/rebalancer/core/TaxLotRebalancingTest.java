package io.rebalancer.core;

import static io.rebalancer.core.TestHouseholds.RUN_DATE;
import static io.rebalancer.core.TestHouseholds.hold;
import static io.rebalancer.core.TestHouseholds.model;
import static io.rebalancer.core.TestHouseholds.prices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed households for SPEC "Tax lots": which lots a sell takes and the realised gain of
 * each, tax-aware placement of sells and buys, and short-term gain avoidance. The run date is
 * 2026-11-20; a lot opened on or before 2025-11-19 is long-term, one opened on or after
 * 2025-11-20 short-term; a lot opened on or after 2026-10-21 makes a loss a wash-sale risk.
 */
class TaxLotRebalancingTest {
  private static final RebalanceRules PLAIN = rules(false, false, true);
  private static final RebalanceRules TAX_AWARE = rules(true, false, true);
  private static final RebalanceRules AVOIDING = rules(true, true, true);
  private static final Model HALF_A_HALF_B = model("A", "0.5", "B", "0.5");
  private static final PriceBook PRICES = prices("A", "10", "B", "10");

  // --- which lots a sell takes -------------------------------------------------------------

  @Test
  void aSellTakesTheHighestCostPerShareFirstAndOfEqualCostTheLaterOpened() {
    // V = 1000, all in 100 A @ 10 (t 0.5): sell 50. Lots: L1 40 @ 12 (2026-01-10), L2 30 @ 8,
    // L3 20 @ 12 (2026-03-01), and 10 of unknown basis. L3 and L1 cost 12 a share; L3 opened
    // later, so it goes first (20), then 30 of L1: basis 480 * 30 / 40 = 360.
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
        lot("A", "L1", "2026-01-10", "40", "480"), lot("A", "L2", "2024-05-01", "30", "240"),
        lot("A", "L3", "2026-03-01", "20", "240"));
    HouseholdPlan plan = rebalance(PLAIN, t);
    assertThat(orders(plan), contains("T SELL A 50", "T BUY B 50"));
    assertThat(gains(plan), contains(
        "T A L3 2026-03-01 20 basis 240.00 proceeds 200.00 gain -40.00 short",
        "T A L1 2026-01-10 30 basis 360.00 proceeds 300.00 gain -60.00 short"));
  }

  @Test
  void lotsOfUnknownBasisGoLastAndWhatLotsLeaveOfAHoldingIsOneOfThem() {
    // 100 A, one known lot of 30 @ 4 (2020-06-01, long): a liquidation (A not in the model)
    // sells all 100: the known lot, then the 70 that no lot covers, basis unknown.
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
        lot("A", "K", "2020-06-01", "30", "120"));
    HouseholdPlan plan = new Rebalancer(PLAIN, RUN_DATE, SecurityMaster.EMPTY)
        .rebalance("H", model("B", "1"), List.of(t), PRICES);
    assertThat(orders(plan), contains("T SELL A 100", "T BUY B 100"));
    assertThat(gains(plan), contains(
        "T A K 2020-06-01 30 basis 120.00 proceeds 300.00 gain 180.00 long",
        "T A  - 70 basis - proceeds 700.00 gain - unknown"));
  }

  @Test
  void withoutAnyLotEverySellIsOneLotOfUnknownBasis() {
    HouseholdPlan plan = rebalance(PLAIN, account("T", AccountType.TAXABLE,
        hold("A", "100", "10")));
    assertThat(gains(plan), contains("T A  - 50 basis - proceeds 500.00 gain - unknown"));
  }

  @Test
  void aLotWithABasisButNoDateSortsAfterDatedLotsOfTheSameCostAndHasNoTerm() {
    // Two lots at 12 a share: the dated one first. 50 sold: D 30, then 20 of U.
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
        lot("A", "U", null, "40", "480"), lot("A", "D", "2019-01-02", "30", "360"));
    HouseholdPlan plan = rebalance(PLAIN, t);
    assertThat(gains(plan), contains(
        "T A D 2019-01-02 30 basis 360.00 proceeds 300.00 gain -60.00 long",
        "T A U - 20 basis 240.00 proceeds 200.00 gain -40.00 unknown"));
  }

  @Test
  void aPartOfALotCarriesItsBasisProRataRoundedHalfEvenToCents() {
    // Fractional shares. V = 40, 4 A @ 10 (t 0.75): sell 1 of a lot of 4 costing 0.10:
    // 0.10 * 1 / 4 = 0.025 -> 0.02 (half-even); proceeds 10.00.
    RebalanceRules fractional = new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        BigDecimal.ZERO, false, 6, List.of(), RebalanceMode.BANDS, TradeTo.TARGET, false, false);
    HouseholdPlan half = new Rebalancer(fractional, RUN_DATE, SecurityMaster.EMPTY)
        .rebalance("H", model("A", "0.75", "B", "0.25"), List.of(account("T",
            AccountType.TAXABLE, hold("A", "4", "10"), lot("A", "X", "2026-01-05", "4",
            "0.10"))), PRICES);
    assertThat(gains(half), contains(
        "T A X 2026-01-05 1 basis 0.02 proceeds 10.00 gain 9.98 short"));
    HouseholdPlan third = new Rebalancer(fractional, RUN_DATE, SecurityMaster.EMPTY)
        .rebalance("H", model("A", "0.25", "B", "0.75"), List.of(account("T",
            AccountType.TAXABLE, hold("A", "3", "10"), hold("B", "1", "10"),
            lot("A", "Y", "2026-01-05", "3", "100"))), PRICES);
    // V = 40: A 30 vs 10: sell 2 of 3: 100 * 2 / 3 = 66.666... -> 66.67
    assertThat(gains(third), contains(
        "T A Y 2026-01-05 2 basis 66.67 proceeds 20.00 gain -46.67 short"));
  }

  @Test
  void termIsLongOnlyAfterMoreThan365Days() {
    assertThat(LotTerm.of(LocalDate.parse("2025-11-20"), RUN_DATE), is(LotTerm.SHORT));
    assertThat(LotTerm.of(LocalDate.parse("2025-11-19"), RUN_DATE), is(LotTerm.LONG));
    assertThat(LotTerm.of(RUN_DATE, RUN_DATE), is(LotTerm.SHORT));
    assertThat(LotTerm.of(null, RUN_DATE), is(LotTerm.UNKNOWN));
  }

  // --- wash-sale risk ----------------------------------------------------------------------

  @Test
  void aLossIsAWashSaleRiskWhenAnyAccountOfTheHouseholdBoughtTheSymbolInThe30Days() {
    // T sells 50 A at a loss (lot @ 12); R, another account, opened a lot of A on 2026-10-21,
    // exactly 30 days before: a risk. Opened on 2026-10-20 (31 days): no risk. A gain is never.
    for (String opened : List.of("2026-10-21", "2026-10-20")) {
      AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
          lot("A", "LOSS", "2024-01-02", "60", "720"), lot("A", "GAIN", "2024-01-02", "40", "40"));
      AccountAnalysis r = account("R", AccountType.TAX_DEFERRED, hold("A", "5", "10"),
          lot("A", "NEW", opened, "5", "50"));
      HouseholdPlan plan = rebalance(PLAIN, t, r);
      boolean risk = opened.equals("2026-10-21");
      // V = 1050: A 1050 vs 525: sell floor(525 / 10) = 52 on T (largest): LOSS 52.
      assertThat(plan.realizedGains().get(0).washSaleRisk(), is(risk));
    }
    AccountAnalysis gainOnly = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
        lot("A", "GAIN", "2026-11-01", "100", "100"));
    assertThat(rebalance(PLAIN, gainOnly).realizedGains().get(0).washSaleRisk(), is(false));
  }

  // --- tax-aware placement -----------------------------------------------------------------

  @Test
  void taxAwareSellsComeFromTaxDeferredAndTaxExemptAccountsBeforeTaxableOnes() {
    // T (taxable) 60 A, I (IRA) 40 A: sell 50. Step 5 takes 50 from T, the largest; tax-aware
    // takes I's 40 first, then 10 from T (its lot @ 5: gain 50).
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "60", "10"),
        lot("A", "T1", "2020-01-01", "60", "300"));
    AccountAnalysis i = account("I", AccountType.TAX_DEFERRED, hold("A", "40", "10"));
    assertThat(orders(rebalance(PLAIN, t, i)), contains("T SELL A 50", "T BUY B 50"));
    HouseholdPlan aware = rebalance(TAX_AWARE, t, i);
    assertThat(orders(aware), contains("I SELL A 40", "I BUY B 40", "T SELL A 10",
        "T BUY B 10"));
    assertThat(gains(aware), contains("I A  - 40 basis - proceeds 400.00 gain - unknown",
        "T A T1 2020-01-01 10 basis 50.00 proceeds 100.00 gain 50.00 long"));
  }

  @Test
  void withinEachGroupTheLargestHolderSellsFirst() {
    // E (tax-exempt) 10 A, D (tax-deferred) 30 A, T 60 A: sell 50: D 30, E 10, T 10.
    HouseholdPlan plan = rebalance(TAX_AWARE,
        account("D", AccountType.TAX_DEFERRED, hold("A", "30", "10")),
        account("E", AccountType.TAX_EXEMPT, hold("A", "10", "10")),
        account("T", AccountType.TAXABLE, hold("A", "60", "10")));
    assertThat(orders(plan), contains("D SELL A 30", "D BUY B 30", "E SELL A 10", "E BUY B 10",
        "T SELL A 10", "T BUY B 10"));
  }

  @Test
  void taxAwareBuysGoFirstToTheSymbolsPreferredAccountType() {
    // V = 1300, all cash: T (taxable) 1000, I (tax-deferred) 300. BND and VTI 0.5 each: 65 of
    // each @ 10, BND first (equal cost, by symbol). Step 5: BND 65 on T (1000 -> 350); VTI 35 on
    // T, then 30 on I. Tax-aware, BND preferring tax-deferred and VTI taxable: BND 30 on I, 35
    // on T (1000 -> 650); VTI 65 on T.
    SecurityMaster master = SecurityMaster.of(List.of(
        new Security("BND", "BOND", "bonds", AccountType.TAX_DEFERRED),
        new Security("VTI", "EQUITY", "stocks", AccountType.TAXABLE)));
    List<AccountAnalysis> accounts = List.of(
        account("T", AccountType.TAXABLE, hold("CASH", "1000", "1")),
        account("I", AccountType.TAX_DEFERRED, hold("CASH", "300", "1")));
    Model model = model("BND", "0.5", "VTI", "0.5");
    PriceBook prices = prices("BND", "10", "VTI", "10");
    assertThat(orders(new Rebalancer(PLAIN, RUN_DATE, master)
        .rebalance("H", model, accounts, prices)),
        contains("I BUY VTI 30", "T BUY BND 65", "T BUY VTI 35"));
    assertThat(orders(new Rebalancer(TAX_AWARE, RUN_DATE, master)
        .rebalance("H", model, accounts, prices)),
        contains("I BUY BND 30", "T BUY BND 35", "T BUY VTI 65"));
  }

  // --- short-term gain avoidance -----------------------------------------------------------

  @Test
  void aTaxableShortTermLotAtAGainIsNotSoldAndWhatItWouldHaveGivenIsUnplaced() {
    // T 100 A: S 60 @ 9 (2026-06-01, short, gain at 10), L 40 @ 4 (long). Sell 50: tax-aware
    // takes S first (highest cost): 50 of it, basis 450, a short-term gain of 50. Avoiding, T may
    // sell only L's 40: gain 240 long; 10 unplaced. B: 50 wanted, 400 available: 40.
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "100", "10"),
        lot("A", "S", "2026-06-01", "60", "540"), lot("A", "L", "2023-02-01", "40", "160"));
    assertThat(gains(rebalance(TAX_AWARE, t)), contains(
        "T A S 2026-06-01 50 basis 450.00 proceeds 500.00 gain 50.00 short"));
    HouseholdPlan avoiding = rebalance(AVOIDING, t);
    assertThat(orders(avoiding), contains("T SELL A 40", "T BUY B 40"));
    assertThat(gains(avoiding), contains(
        "T A L 2023-02-01 40 basis 160.00 proceeds 400.00 gain 240.00 long"));
    assertThat(avoiding.unplaced(), contains(new UnplacedTrade("H", "A", Side.SELL,
        new BigDecimal("10"), UnplacedTrade.SHORT_TERM_GAIN_AVOIDED)));
  }

  @Test
  void avoidanceSellsShortTermLossesAndLotsInTaxAdvantagedAccounts() {
    // I (tax-exempt) 30 A, a short-term gain lot: sold (no tax there). T 70 A: a short-term
    // gain lot of 50 (kept) and a short-term loss lot of 20 (sold). Sell 50: I 30, T 20; nothing
    // unplaced.
    AccountAnalysis i = account("I", AccountType.TAX_EXEMPT, hold("A", "30", "10"),
        lot("A", "IG", "2026-09-01", "30", "150"));
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "70", "10"),
        lot("A", "TG", "2026-09-01", "50", "250"), lot("A", "TL", "2026-09-02", "20", "300"));
    HouseholdPlan plan = rebalance(AVOIDING, i, t);
    assertThat(orders(plan), contains("I SELL A 30", "I BUY B 30", "T SELL A 20", "T BUY B 20"));
    assertThat(gains(plan), contains(
        "I A IG 2026-09-01 30 basis 150.00 proceeds 300.00 gain 150.00 short",
        "T A TL 2026-09-02 20 basis 300.00 proceeds 200.00 gain -100.00 short"));
    assertThat(plan.unplaced(), is(empty()));
  }

  @Test
  void whatAvoidanceKeepsIsToldApartFromWhatOnlyANoSellAccountHolds() {
    // F (no-sell) 50 A; T 50 A, all a short-term gain. Sell 50 of 100: T may sell none of its
    // 50 (avoided), F none: 50 unplaced, all of it as avoided (avoidance could have given 50).
    AccountAnalysis f = account("F", AccountType.TAXABLE, Trading.NO_SELL, hold("A", "50", "10"));
    AccountAnalysis t = account("T", AccountType.TAXABLE, hold("A", "50", "10"),
        lot("A", "G", "2026-09-01", "50", "100"));
    HouseholdPlan plan = rebalance(AVOIDING, f, t);
    assertThat(plan.unplaced(), contains(new UnplacedTrade("H", "A", Side.SELL,
        new BigDecimal("50"), UnplacedTrade.SHORT_TERM_GAIN_AVOIDED)));
    // A liquidation (model without A) sells all 100: 50 avoided on T, 50 only F holds.
    HouseholdPlan all = new Rebalancer(AVOIDING, RUN_DATE, SecurityMaster.EMPTY)
        .rebalance("H", model("B", "1"), List.of(f, t), PRICES);
    assertThat(all.unplaced(), contains(
        new UnplacedTrade("H", "A", Side.SELL, new BigDecimal("50"),
            UnplacedTrade.SHORT_TERM_GAIN_AVOIDED),
        new UnplacedTrade("H", "A", Side.SELL, new BigDecimal("50"),
            UnplacedTrade.NO_ACCOUNT_MAY_SELL)));
    assertThat(all.orders(), is(empty()));
  }

  // --- helpers -----------------------------------------------------------------------------

  private static RebalanceRules rules(boolean taxAware, boolean avoid, boolean wholeShares) {
    return new RebalanceRules(new BigDecimal("0.05"), new BigDecimal("0.25"),
        new BigDecimal("0"), wholeShares, 6, List.of(), RebalanceMode.BANDS, TradeTo.TARGET,
        taxAware, avoid);
  }

  private static HouseholdPlan rebalance(RebalanceRules rules, AccountAnalysis... accounts) {
    return new Rebalancer(rules, RUN_DATE, SecurityMaster.EMPTY)
        .rebalance("H", HALF_A_HALF_B, List.of(accounts), PRICES);
  }

  /** A lot of account "?" (the account helper places it); open date null for unknown. */
  private static Lot lot(String symbol, String id, String opened, String quantity, String cost) {
    return new Lot("?", "?", symbol, id, opened == null ? null : LocalDate.parse(opened),
        new BigDecimal(quantity), new BigDecimal(cost), "lots.csv", 1);
  }

  private static AccountAnalysis account(String account, AccountType type, Object... parts) {
    return account(account, type, Trading.NORMAL, parts);
  }

  private static AccountAnalysis account(String account, AccountType type, Trading trading,
      Object... parts) {
    AccountKey key = new AccountKey("B", account);
    List<Holding> rows = new ArrayList<>();
    List<Lot> lots = new ArrayList<>();
    long line = 1;
    for (Object part : parts) {
      if (part instanceof Holding h) {
        rows.add(new Holding("B", account, h.symbol(), h.quantity(), h.price(), h.assetClass(),
            h.cash(), "B", "file", line++));
      } else if (part instanceof Lot l) {
        lots.add(new Lot("B", account, l.symbol(), l.lotId(), l.openDate(), l.quantity(),
            l.costBasis(), l.sourceUri(), line++));
      }
    }
    AccountAnalysis a = AccountAnalyzer.analyze(new AccountInfo(key, "H", "m", BigDecimal.ZERO,
        type, trading), rows, PriceBook.empty());
    return new AccountAnalysis(a.key(), a.householdId(), a.modelId(), a.cashReserve(),
        a.totalValue(), a.cashValue(), a.investedValue(), a.positionCount(), a.hhi(),
        a.volatility(), a.maxDrawdown(), a.riskScore(), a.positions(), a.accountType(),
        a.trading(), lots);
  }

  /** Orders as "account SIDE SYMBOL quantity", in file order. */
  private static List<String> orders(HouseholdPlan plan) {
    return plan.orders().stream().map(o -> o.accountId() + " " + o.side() + " " + o.symbol()
        + " " + plain(o.quantity())).toList();
  }

  /** Realised gains as "account symbol lot opened quantity basis proceeds gain term". */
  private static List<String> gains(HouseholdPlan plan) {
    return plan.realizedGains().stream().map(g -> g.accountId() + " " + g.symbol() + " "
        + g.lotId() + " " + (g.openDate() == null ? "-" : g.openDate()) + " "
        + plain(g.quantity()) + " basis " + money(g.costBasis()) + " proceeds "
        + money(g.proceeds()) + " gain " + money(g.gain()) + " " + g.term().label()).toList();
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String money(BigDecimal d) {
    return d == null ? "-" : d.toPlainString();
  }
}
