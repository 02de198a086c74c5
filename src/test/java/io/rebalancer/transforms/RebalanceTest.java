package io.rebalancer.transforms;

import static io.rebalancer.testing.ExceptionChains.assertInputException;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AfterTrades;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.ClassAllocation;
import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.HouseholdRules;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.RebalanceMode;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Rebalancer;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.Side;
import io.rebalancer.core.TargetWeight;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.TradeTo;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rebalance combines accounts into households and gives, per household, what the core Rebalancer
 * gives on the same accounts; the run summary adds the households up.
 */
@ExtendWith(TestPipelineExtension.class)
class RebalanceTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final RebalanceRules RULES = RebalanceRules.defaults();
  private static final Model M60 = model("m60", "VTI", "0.6", "BND", "0.4");
  private static final Model M80 = model("m80", "VTI", "0.8", "BND", "0.2");
  private static final Model C60 = Model.ofClasses("c60", List.of(
      new ClassTarget("US_EQUITY", new BigDecimal("0.6"), "VTI"),
      new ClassTarget("US_BOND", new BigDecimal("0.4"), "BND")));
  /** AAPL closed at 210 on the run date: its sell is priced there, not at the row's 200. */
  private static final PriceBook PRICES = new PriceBook(List.of(
      close("VTI", "100"), close("BND", "50"), close("AAPL", "210")));

  // Household H1: two accounts at two brokerages, V = 15,000 + 3,000 = 18,000.
  private static final AccountInfo A1 = account("B1", "A1", "H1", "m60", "1000");
  private static final AccountInfo A2 = account("B2", "A2", "H1", "m60", "0");
  // Household H2: one account exactly on its model: within tolerance.
  private static final AccountInfo A3 = account("B1", "A3", "H2", "m60", "0");

  private static final AccountAnalysis ANALYSIS_A1 = analyze(A1,
      holding(A1, "VTI", "100", "100", "US_EQUITY", 2), cash(A1, "5000", 3));
  private static final AccountAnalysis ANALYSIS_A2 = analyze(A2,
      holding(A2, "BND", "20", "50", "US_BOND", 2),
      holding(A2, "AAPL", "10", "200", "US_EQUITY", 3));
  private static final AccountAnalysis ANALYSIS_A3 = analyze(A3,
      holding(A3, "VTI", "60", "100", "US_EQUITY", 2),
      holding(A3, "BND", "80", "50", "US_BOND", 3));

  @Test
  void twoAccountHouseholdGetsTheCoreRebalancersOrders(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = rebalance(pipeline, List.of(A1, A2, A3),
        List.of(ANALYSIS_A2, ANALYSIS_A3, ANALYSIS_A1));

    Rebalancer core = new Rebalancer(RULES);
    HouseholdPlan h1 = core.rebalance("H1", M60, List.of(ANALYSIS_A1, ANALYSIS_A2), PRICES);
    HouseholdPlan h2 = core.rebalance("H2", M60, List.of(ANALYSIS_A3), PRICES);
    PAssert.that(out.get(Rebalance.PLANS)).containsInAnyOrder(h1, h2);

    // The same orders, worked by hand from the SPEC: AAPL (not in the model) is sold at its
    // close, 10 x 210 = 2,100. BND is at 1,000 / 18,000 against 0.4: buy (7,200 - 1,000) / 50 =
    // 124 shares for 6,200, but only 4,000 (A1's cash above its reserve) + 2,100 is available:
    // floor(124 x 6,100 / 6,200) = 122 shares, 80 on A1 (budget 4,000), then 42 on A2 (2,100).
    // An order's current weight is at 6 decimals: 1,000 / 18,000 = 0.0555.. and 2,000 / 18,000.
    BigDecimal bndWeight = new BigDecimal("0.055556");
    BigDecimal aaplWeight = new BigDecimal("0.111111");
    PAssert.that(out.get(Rebalance.PLANS)).satisfies(plans -> {
      Map<String, HouseholdPlan> byId = new TreeMap<>();
      plans.forEach(p -> byId.put(p.householdId(), p));
      assertThat(byId.get("H1").status(), is(HouseholdPlan.Status.REBALANCED));
      assertThat(byId.get("H1").orders(), is(List.of(
          new TradeOrder("H1", "B1", "A1", "BND", Side.BUY, new BigDecimal("80"),
              new BigDecimal("50"), bndWeight, new BigDecimal("0.4"), "underweight"),
          new TradeOrder("H1", "B2", "A2", "AAPL", Side.SELL, new BigDecimal("10"),
              new BigDecimal("210"), aaplWeight, BigDecimal.ZERO, "liquidate: not in model"),
          new TradeOrder("H1", "B2", "A2", "BND", Side.BUY, new BigDecimal("42"),
              new BigDecimal("50"), bndWeight, new BigDecimal("0.4"), "underweight"))));
      assertThat(byId.get("H1").unplaced(), is(List.of()));
      assertThat(byId.get("H2").status(), is(HouseholdPlan.Status.WITHIN_TOLERANCE));
      assertThat(byId.get("H2").orders(), is(List.of()));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void runSummaryCountsHouseholdsAccountsAndOrders(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = rebalance(pipeline, List.of(A1, A2, A3),
        List.of(ANALYSIS_A1, ANALYSIS_A2, ANALYSIS_A3));

    PAssert.that(out.get(Rebalance.SUMMARY)).satisfies(summaries -> {
      List<RunSummary> all = new ArrayList<>();
      summaries.forEach(all::add);
      assertThat(all.size(), is(1));
      RunSummary s = all.get(0);
      assertThat(List.of(s.households(), s.accounts(), s.rebalanced(), s.withinTolerance(),
          s.sells(), s.buys(), s.unplaced()), is(List.of(2L, 3L, 1L, 1L, 1L, 2L, 0L)));
      assertThat(s.sellAmount(), is(new BigDecimal("2100.00")));
      assertThat(s.buyAmount(), is(new BigDecimal("6100.00")));
      assertThat(s.totalValue().compareTo(new BigDecimal("28000")), is(0));
      return null;
    });
    PAssert.that(TestRows.of(out.get(Rebalance.ROWS))).satisfies(rows -> {
      Map<String, Long> perTable = new TreeMap<>();
      List<WarehouseRow> summaryRows = new ArrayList<>();
      for (WarehouseRow r : rows) {
        perTable.merge(r.table(), 1L, Long::sum);
        if (r.table().equals("run_summary")) {
          summaryRows.add(r);
        }
      }
      // 3 orders; household allocations: VTI, BND, AAPL, CASH for H1 and VTI, BND for H2;
      // account allocations: A1 VTI, BND, CASH; A2 AAPL, BND, VTI and the CASH its sell brings;
      // A3 VTI, BND; asset classes: US_EQUITY, US_BOND, CASH for H1 and US_EQUITY, US_BOND for
      // H2; the AAPL sell's one lot (its remainder: the accounts have no lots); no series
      // rows: the warehouse derives them from holdings and prices
      assertThat(perTable, is(Map.of("trade_orders", 3L, "allocations", 15L,
          "asset_class_allocations", 5L, "realized_gains", 1L, "run_summary", 1L)));
      assertThat(summaryRows.get(0).cells().subList(0, 8),
          is(List.of("2026-11-20", "2", "3", "1", "1", "1", "2", "0")));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void allocationsOfTheHouseholdAndItsAccountsCarryTheirWeightsAfterTheOrders(
      TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = rebalance(pipeline, List.of(A1, A2, A3),
        List.of(ANALYSIS_A2, ANALYSIS_A3, ANALYSIS_A1));

    Rebalancer core = new Rebalancer(RULES);
    List<WarehouseRow> expected = new ArrayList<>();
    for (List<AccountAnalysis> household : List.of(List.of(ANALYSIS_A1, ANALYSIS_A2),
        List.of(ANALYSIS_A3))) {
      String id = household.get(0).householdId();
      HouseholdPlan plan = core.rebalance(id, M60, household, PRICES);
      plan.allocations().forEach(al -> expected.add(WarehouseRows.allocation(RUN_DATE, id, al)));
      AfterTrades.accountAllocations(household, plan.orders(), M60, RULES)
          .forEach(al -> expected.add(WarehouseRows.allocation(RUN_DATE, id, al)));
    }
    PCollection<WarehouseRow> allocations = TestRows.of(out.get(Rebalance.ROWS))
        .apply("Allocations", Filter.by(r -> r.table().equals("allocations")));
    PAssert.that(allocations).containsInAnyOrder(expected);
    PAssert.that(allocations).satisfies(rows -> {
      Map<String, String> postTrade = new TreeMap<>();
      rows.forEach(r -> postTrade.put(r.cells().get(2) + " " + r.cells().get(4),
          r.cells().get(10)));
      // By hand: A2 sells its 10 AAPL at 210 and buys 42 BND at 50 with the 2,100: all BND.
      // A1 buys 80 BND (4,000) of its 5,000 of cash: VTI 10,000, BND 4,000, cash 1,000.
      // H1: BND 1,000 + 2,100 + 4,000 = 7,100 of 18,100 (AAPL is sold at 210, not its 200).
      // H2 trades nothing: its post-trade weights are its weights, 0.6 and 0.4.
      assertThat(postTrade.get("B2/A2 BND"), is("1.0"));
      assertThat(postTrade.get("B2/A2 AAPL"), is("0.0"));
      assertThat(postTrade.get("B2/A2 CASH"), is("0.0"));
      assertThat(postTrade.get("B1/A1 CASH"), is(Double.toString(1000.0 / 15000)));
      assertThat(postTrade.get("H1 BND"), is(Double.toString(7100.0 / 18100)));
      assertThat(postTrade.get("H1 AAPL"), is("0.0"));
      assertThat(postTrade.get("H2 VTI"), is("0.6"));
      assertThat(postTrade.get("B1/A3 BND"), is("0.4"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /**
   * households.csv's rules reach the Rebalancer of the household they name, and only that one:
   * each plan is the core's under the rules {@link RebalanceRules#forHousehold} gives. (The pure
   * lookup is {@code ReferenceValuesTest}; this is the wiring through the side input.)
   */
  @Test
  void aHouseholdsOwnModeAndTradeToReachItsRebalancer(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    HouseholdRules buyOnly = new HouseholdRules("H1", RebalanceMode.BUY_ONLY, TradeTo.BAND_EDGE);
    ReferenceData reference = TestReferences.of(pipeline, List.of(M60, M80), PRICES, List.of(),
        List.of(buyOnly, new HouseholdRules("NOT_HELD", RebalanceMode.BUY_ONLY, null)));
    PCollectionTuple out = pipeline.apply("Accounts", Create.of(ANALYSIS_A1, ANALYSIS_A2,
            ANALYSIS_A3))
        .apply("Rebalance", Rebalance.with(reference, RULES, RUN_DATE, 4));

    RebalanceRules h1Rules = RULES.forHousehold(buyOnly);
    assertThat(h1Rules.mode(), is(RebalanceMode.BUY_ONLY));
    HouseholdPlan h1 = new Rebalancer(h1Rules)
        .rebalance("H1", M60, List.of(ANALYSIS_A1, ANALYSIS_A2), PRICES);
    HouseholdPlan h2 = new Rebalancer(RULES).rebalance("H2", M60, List.of(ANALYSIS_A3), PRICES);
    // a household the file names but no account belongs to is no plan
    PAssert.that(out.get(Rebalance.PLANS)).containsInAnyOrder(h1, h2);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aHouseholdOnAClassModelGetsItsClassRowsAndItsAccountsFromTheCore(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    AccountInfo a4 = account("B1", "A4", "H3", "c60", "0");
    AccountAnalysis analysis = analyze(a4, holding(a4, "VTI", "50", "100", "US_EQUITY", 2),
        holding(a4, "BND", "100", "50", "US_BOND", 3));
    PCollectionTuple out = pipeline.apply("Accounts", Create.of(List.of(analysis)))
        .apply("Rebalance", Rebalance.with(TestReferences.of(pipeline, List.of(M60, C60), PRICES),
            RULES, RUN_DATE, 4));

    // the rows are the core's on the core's orders, whatever they are: the household's classes
    // and its account's, each against the class model and after the orders
    HouseholdPlan plan = new Rebalancer(RULES).rebalance("H3", C60, List.of(analysis), PRICES);
    List<WarehouseRow> expected = new ArrayList<>(WarehouseRows.classAllocations(RUN_DATE, "H3",
        ClassAllocation.ofHousehold("H3", C60, List.of(analysis), plan.totalValue(),
            plan.orders(), RULES), plan.totalValue()));
    expected.addAll(WarehouseRows.classAllocations(RUN_DATE, "H3", ClassAllocation.ofAccount(
        analysis, List.of(analysis), plan.orders(), C60, RULES), analysis.totalValue()));
    PCollection<WarehouseRow> classes = TestRows.of(out.get(Rebalance.ROWS))
        .apply("Classes", Filter.by(r -> r.table().equals("asset_class_allocations")));
    PAssert.that(classes).containsInAnyOrder(expected);
    PAssert.that(classes).satisfies(rows -> {
      Map<String, String> targets = new TreeMap<>();
      rows.forEach(r -> targets.put(r.cells().get(2) + " " + r.cells().get(4), r.cells().get(7)));
      // 5,000 of each class of 10,000, against 0.6 and 0.4
      assertThat(targets.get("H3 US_EQUITY"), is("0.6"));
      assertThat(targets.get("B1/A4 US_BOND"), is("0.4"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void householdWhoseAccountsNameDifferentModelsFailsThePipeline(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    AccountInfo a2OnOtherModel = account("B2", "A2", "H1", "m80", "0");
    AccountAnalysis a2 = analyze(a2OnOtherModel,
        holding(a2OnOtherModel, "BND", "20", "50", "US_BOND", 2));
    rebalance(pipeline, List.of(A1, a2OnOtherModel), List.of(a2, ANALYSIS_A1));

    Pipeline.PipelineExecutionException e = assertThrows(
        Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertInputException(e,
        "household H1: its accounts name different models (m60, m80) in accounts.csv");
  }

  private static PCollectionTuple rebalance(Pipeline pipeline, List<AccountInfo> accounts,
      List<AccountAnalysis> analyses) {
    ReferenceData reference = TestReferences.of(pipeline, List.of(M60, M80), PRICES);
    return pipeline.apply("Accounts", Create.of(analyses))
        .apply("Rebalance", Rebalance.with(reference, RULES, RUN_DATE, 4));
  }

  private static AccountAnalysis analyze(AccountInfo info, Holding... holdings) {
    return AccountAnalyzer.analyze(info, List.of(holdings), PRICES);
  }

  private static AccountInfo account(String brokerage, String account, String household,
      String model, String reserve) {
    return new AccountInfo(new AccountKey(brokerage, account), household, model,
        new BigDecimal(reserve));
  }

  private static Holding holding(AccountInfo a, String symbol, String quantity, String price,
      String assetClass, long line) {
    return new Holding(a.key().brokerageId(), a.key().accountId(), symbol,
        new BigDecimal(quantity), new BigDecimal(price), assetClass, false, a.key().brokerageId(),
        "/exports/" + a.key().brokerageId() + ".csv", line);
  }

  private static Holding cash(AccountInfo a, String amount, long line) {
    return new Holding(a.key().brokerageId(), a.key().accountId(), "CASH", new BigDecimal(amount),
        BigDecimal.ONE, "CASH", true, a.key().brokerageId(),
        "/exports/" + a.key().brokerageId() + ".csv", line);
  }

  private static Model model(String id, String... symbolWeights) {
    List<TargetWeight> targets = new ArrayList<>();
    for (int i = 0; i < symbolWeights.length; i += 2) {
      targets.add(new TargetWeight(symbolWeights[i], new BigDecimal(symbolWeights[i + 1])));
    }
    return new Model(id, targets);
  }

  private static PriceSeries close(String symbol, String close) {
    return new PriceSeries(symbol, List.of(new PricePoint(RUN_DATE, new BigDecimal(close))));
  }
}
