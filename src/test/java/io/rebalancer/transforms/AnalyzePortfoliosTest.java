package io.rebalancer.transforms;

import static io.rebalancer.testing.ExceptionChains.assertInputException;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.Holding;
import io.rebalancer.core.Model;
import io.rebalancer.core.Position;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.TargetWeight;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.io.WarehouseRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AnalyzePortfolios is the core AccountAnalyzer per account, plus the account's warehouse rows. */
@ExtendWith(TestPipelineExtension.class)
class AnalyzePortfoliosTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final AccountInfo A1 =
      new AccountInfo(new AccountKey("B1", "A1"), "H1", "m1", new BigDecimal("100"));
  private static final AccountInfo A7 =
      new AccountInfo(new AccountKey("B2", "A7"), "H1", "m1", BigDecimal.ZERO);
  private static final Model M1 = new Model("m1", List.of(
      new TargetWeight("VTI", new BigDecimal("0.5")),
      new TargetWeight("BND", new BigDecimal("0.3")),
      new TargetWeight("CASH", new BigDecimal("0.2"))));
  /** BND has no close on 11-18, so the accounts holding it are valued on the other four dates. */
  private static final PriceBook PRICES = new PriceBook(List.of(
      series("VTI", "98", "100", "97", "101", "100"),
      series("BND", "50", "50.5", null, "49.5", "50")));

  /** A1 holds VTI on two rows (prices 100 then 101): the position keeps line 2's price. */
  private static final List<Holding> A1_HOLDINGS = List.of(
      holding(A1, "VTI", "5", "101", "US_EQUITY", false, 5),
      holding(A1, "BND", "20", "50", "US_BOND", false, 3),
      holding(A1, "CASH", "250", "1", "CASH", true, 4),
      holding(A1, "VTI", "10", "100", "US_EQUITY", false, 2));
  /** A7's cash is a money-market fund (asset class CASH). */
  private static final List<Holding> A7_HOLDINGS = List.of(
      holding(A7, "VMFXX", "300", "1.00", "CASH", true, 3),
      holding(A7, "BND", "40", "50", "US_BOND", false, 2));

  @Test
  void metricsOfEachAccountEqualAccountAnalyzers(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = analyze(pipeline, List.of(A1, A7), interleaved());

    AccountAnalysis expectedA1 = AccountAnalyzer.analyze(A1, A1_HOLDINGS, PRICES);
    AccountAnalysis expectedA7 = AccountAnalyzer.analyze(A7, A7_HOLDINGS, PRICES);
    PAssert.that(out.get(AnalyzePortfolios.ACCOUNTS)).containsInAnyOrder(expectedA1, expectedA7);
    PAssert.that(out.get(AnalyzePortfolios.ACCOUNTS)).satisfies(accounts -> {
      AccountAnalysis a1 = StreamSupport.stream(accounts.spliterator(), false)
          .filter(a -> a.key().equals(A1.key())).findFirst().orElseThrow();
      // 10 * 100 + 5 * 101 + 20 * 50 + 250 cash
      assertThat(a1.totalValue().compareTo(new BigDecimal("2755")), is(0));
      assertThat(a1.cashValue().compareTo(new BigDecimal("250")), is(0));
      assertThat(a1.investedValue().compareTo(new BigDecimal("2505")), is(0));
      assertThat(a1.positionCount(), is(2));
      assertThat(a1.positions().get(2), is(new Position("VTI", "US_EQUITY", new BigDecimal("15"),
          new BigDecimal("100"), new BigDecimal("1505"), false)));
      // four common dates: enough for volatility, drawdown and a risk score
      assertThat(a1.volatility() != null && a1.maxDrawdown() != null && a1.riskScore() != null,
          is(true));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void emitsHoldingMetricsAndAssetClassRowsOfEachAccount(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = analyze(pipeline, List.of(A1, A7), interleaved());

    List<WarehouseRow> expected = new ArrayList<>();
    expected.addAll(rowsOf(AccountAnalyzer.analyze(A1, A1_HOLDINGS, PRICES)));
    expected.addAll(rowsOf(AccountAnalyzer.analyze(A7, A7_HOLDINGS, PRICES)));
    PCollection<WarehouseRow> staged = TestRows.of(out.get(AnalyzePortfolios.ROWS));
    PAssert.that(staged).containsInAnyOrder(expected);
    PAssert.that(staged).satisfies(rows -> {
      List<WarehouseRow> all = new ArrayList<>();
      rows.forEach(all::add);
      Map<String, Long> perTable = all.stream()
          .collect(Collectors.groupingBy(WarehouseRow::table, TreeMap::new, Collectors.counting()));
      // positions 3 + 2; one metrics row per account; asset classes 3 + 2; the symbol
      // allocations are Rebalance's (their post-trade weights need the orders); the series are
      // derived in the warehouse, not staged
      assertThat(perTable, is(Map.of("holdings", 5L, "portfolio_metrics", 2L,
          "asset_class_allocations", 5L)));
      assertThat(all, hasItems(
          WarehouseRow.of("holdings", "2026-11-20", "B1", "A1", "H1", "VTI", "US_EQUITY",
              "15.0000000000", "100.0000000000", "1505.0000000000", "false"),
          WarehouseRow.of("holdings", "2026-11-20", "B2", "A7", "H1", "VMFXX", "CASH",
              "300.0000000000", "1.0000000000", "300.0000000000", "true"),
          WarehouseRow.of("asset_class_allocations", "2026-11-20", "account", "B2/A7", "H1",
              // on a model of symbols the class columns of a class model are NULL
              "US_BOND", "2000.0000000000", Double.toString(2000.0 / 2300), null, null, null,
              null)));
      List<String> metricsA7 = all.stream()
          .filter(r -> r.table().equals("portfolio_metrics") && r.cells().get(2).equals("A7"))
          .findFirst().orElseThrow().cells();
      assertThat(metricsA7.subList(0, 9), is(List.of("2026-11-20", "B2", "A7", "H1", "m1",
          "2300.0000000000", "300.0000000000", "2000.0000000000", "1")));
      assertThat(metricsA7.get(9), is("1.0")); // one invested symbol: HHI 1
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anAccountOnAClassModelLeavesItsClassRowsToRebalance(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    AccountInfo onClasses = new AccountInfo(A7.key(), "H7", "c1", BigDecimal.ZERO);
    Model classes = Model.ofClasses("c1", List.of(
        new ClassTarget("US_BOND", BigDecimal.ONE, "BND")));
    PCollectionTuple out = pipeline.apply("Accounts",
            Create.of(List.of(new AccountHoldings(onClasses, A7_HOLDINGS))))
        .apply("AnalyzePortfolios", AnalyzePortfolios.with(
            TestReferences.of(pipeline, List.of(M1, classes), PRICES), RUN_DATE));

    // its classes' targets and post-trade weights need the orders: Rebalance stages them
    PAssert.that(TestRows.of(out.get(AnalyzePortfolios.ROWS))).satisfies(rows -> {
      Map<String, Long> perTable = new TreeMap<>();
      rows.forEach(r -> perTable.merge(r.table(), 1L, Long::sum));
      assertThat(perTable, is(Map.of("holdings", 2L, "portfolio_metrics", 1L)));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void accountWhoseModelIsNotInModelsFailsThePipeline(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    AccountInfo orphan = new AccountInfo(A7.key(), "H1", "m-unknown", BigDecimal.ZERO);
    analyze(pipeline, List.of(A1, orphan), interleaved());

    Pipeline.PipelineExecutionException e = assertThrows(
        Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertInputException(e, "account B2/A7: model 'm-unknown' is not in models.csv");
  }

  private static List<Holding> interleaved() {
    List<Holding> all = new ArrayList<>();
    for (int i = 0; i < Math.max(A1_HOLDINGS.size(), A7_HOLDINGS.size()); i++) {
      if (i < A7_HOLDINGS.size()) {
        all.add(A7_HOLDINGS.get(i));
      }
      if (i < A1_HOLDINGS.size()) {
        all.add(A1_HOLDINGS.get(i));
      }
    }
    return all;
  }

  private static PCollectionTuple analyze(Pipeline pipeline, List<AccountInfo> accounts,
      List<Holding> holdings) {
    ReferenceData reference = TestReferences.of(pipeline, List.of(M1), PRICES);
    List<AccountHoldings> input = accounts.stream().map(a -> new AccountHoldings(a,
        holdings.stream().filter(h -> h.account().equals(a.key())).toList())).toList();
    return pipeline.apply("Accounts", Create.of(input))
        .apply("AnalyzePortfolios", AnalyzePortfolios.with(reference, RUN_DATE));
  }

  /** What the SPEC's warehouse holds for one account: positions, metrics, asset classes. */
  private static List<WarehouseRow> rowsOf(AccountAnalysis a) {
    List<WarehouseRow> rows = new ArrayList<>();
    a.positions().forEach(p -> rows.add(WarehouseRows.holding(RUN_DATE, a, p)));
    rows.add(WarehouseRows.metrics(RUN_DATE, a));
    rows.addAll(WarehouseRows.assetClasses(RUN_DATE, Allocation.ACCOUNT, a.key().toString(),
        a.householdId(), a.valuesByAssetClass(), a.totalValue()));
    return rows;
  }

  private static Holding holding(AccountInfo account, String symbol, String quantity, String price,
      String assetClass, boolean cash, long line) {
    String uri = "/exports/" + account.key().brokerageId() + "/positions.csv";
    return new Holding(account.key().brokerageId(), account.key().accountId(), symbol,
        new BigDecimal(quantity), new BigDecimal(price), assetClass, cash,
        account.key().brokerageId(), uri, line);
  }

  /** Closes on 2026-11-16 .. 2026-11-20; null for a day without one. */
  private static PriceSeries series(String symbol, String... closes) {
    List<PricePoint> points = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      if (closes[i] != null) {
        points.add(new PricePoint(LocalDate.of(2026, 11, 16 + i), new BigDecimal(closes[i])));
      }
    }
    return new PriceSeries(symbol, points);
  }
}
