package io.rebalancer.transforms;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.Lot;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.ValidationRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tax lots from lots.csv and from an IBKR and a Schwab export, joined per account, arrive on
 * AccountAnalysis.lots: lots.csv's replace an export's for their symbol, in a fixed order.
 */
@ExtendWith(TestPipelineExtension.class)
class ReadLotsTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  @TempDir Path dir;
  private Path ibkr;
  private Path schwab;
  /** The input problems of the last {@link #analyse}. */
  private PCollection<InputProblem> problems;
  private PCollection<RejectedRow> rejected;

  @BeforeEach
  void files() throws IOException {
    ibkr = write("B5/U1_20261120.csv", """
        Statement,Header,Field Name,Field Value
        Statement,Data,Period,"November 20, 2026"
        Account Information,Header,Field Name,Field Value
        Account Information,Data,Account,U1
        Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Open,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,Code
        Open Positions,Data,Summary,Stocks,USD,BND,-,400,1,72.95,29180,74.12,29648,468,
        Open Positions,Data,Lot,Stocks,USD,BND,"2026-06-02, 10:31:07",250,,72.41,18102.5,74.12,18530,427.5,ST
        Open Positions,Data,Lot,Stocks,USD,BND,"2024-03-15, 14:02:55",150,,73.85,11077.5,74.12,11118,40.5,LT
        Open Positions,Data,Summary,Stocks,USD,VXUS,-,10,1,63,630,70.29,702.9,72.9,
        Open Positions,Data,Summary,Stocks,USD,VTI,-,5,1,200,1000,274.61,1373.05,373.05,
        Open Positions,Data,Lot,Stocks,USD,VTI,2025-01-02,5,,200,1000,274.61,1373.05,373.05,LT
        Cash Report,Header,Currency Summary,Currency,Total,Securities,Futures,Month to Date,Year to Date,
        Cash Report,Data,Ending Cash,USD,1000,1000,0,,,
        """);
    schwab = write("B1/Positions.csv", """
        "Positions for account Individual ...977 as of 07:28 PM ET, 2026/11/20"
        "Symbol","Description","Quantity","Price","Market Value","Cost Basis","Security Type"
        "VTI","TOTAL MARKET","500","$274.61","$137,305.00","$118,940.00","ETFs"
        "BND","TOTAL BOND","100","$74.12","$7,412.00","$7,500.00","ETFs"
        "Cash & Cash Investments","--","--","--","$4,250.18","--","Cash and Money Market"
        """);
    write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id
        B5,U1,H1,m60
        B1,977,H1,m60
        """);
    write("models.csv", """
        model_id,symbol,target_weight
        m60,VTI,0.6
        m60,BND,0.4
        """);
    write("prices.csv", """
        date,symbol,close
        2026-11-20,BND,74.12
        2026-11-20,VTI,274.61
        2026-11-20,VXUS,70.29
        """);
  }

  @Test
  void lotsFromLotsCsvAndTheExportsArriveOnEachAccountsAnalysis(TestPipeline pipeline)
      throws IOException {
    Path lots = write("lots.csv", """
        brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis
        B5,U1,VTI,v1,2025-01-02,3,600
        B1,977,VTI,s1,2020-05-01,100,10000
        B1,977,VTI,s2,,50,7000
        """);
    PCollectionTuple analysed = analyse(pipeline, lots);

    PAssert.that(analysed.get(AnalyzePortfolios.ACCOUNTS).apply("Lots", MapElements
            .into(TypeDescriptor.of(String.class)).via(ReadLotsTest::lotsOf)))
        .containsInAnyOrder(
            // IBKR's Lot rows with their dates; lots.csv's VTI instead of IBKR's VTI Lot row;
            // VXUS's Summary without Lot rows as one lot of unknown date
            "B5/U1: BND U1_20261120.csv:7 2026-06-02 250 18102.5 " + ibkr + ":7"
                + "; BND U1_20261120.csv:8 2024-03-15 150 11077.5 " + ibkr + ":8"
                + "; VTI v1 2025-01-02 3 600 " + dir.resolve("lots.csv") + ":2"
                + "; VXUS U1_20261120.csv:9 - 10 630 " + ibkr + ":9",
            // Schwab's Cost Basis per position; lots.csv's VTI lots instead of Schwab's
            "B1/977: BND Positions.csv:4 - 100 7500.00 " + schwab + ":4"
                + "; VTI s1 2020-05-01 100 10000 " + dir.resolve("lots.csv") + ":3"
                + "; VTI s2 - 50 7000 " + dir.resolve("lots.csv") + ":4");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void lotsAboveAHoldingAreAnInputProblemAndTheAccountGoesNoFurther(TestPipeline pipeline)
      throws IOException {
    Path lots = write("lots.csv", """
        brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis
        B5,U1,BND,b1,2025-01-02,300,22000
        B5,U1,BND,b2,,101,7400
        """);
    PCollectionTuple analysed = analyse(pipeline, lots);

    PAssert.that(problems.apply("LotProblems", Filter.by(
            (InputProblem p) -> p.kind() == InputProblem.Kind.LOTS_EXCEED_HOLDING))
            .apply("Messages", MapElements.into(TypeDescriptor.of(String.class))
                .via(InputProblem::message)))
        .containsInAnyOrder("account U1 of brokerage B5: its lots of BND add up to 401 shares,"
            + " but it holds 400 (" + ibkr + "); the lots are from " + lots + " lines 2, 3:"
            + " correct the lots or the export");
    PAssert.that(analysed.get(AnalyzePortfolios.ACCOUNTS).apply("Keys", MapElements
            .into(TypeDescriptor.of(String.class)).via(a -> a.key().toString())))
        .containsInAnyOrder("B1/977");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anUnlistedAccountsLotsGoWithItsRejectedRowsAndLotsOfAnAccountNoExportHoldsFail(
      TestPipeline pipeline) throws IOException {
    write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id
        B5,U1,H1,m60
        """);
    Path lots = write("lots.csv", """
        brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis
        B1,977,VTI,s1,2020-05-01,100,10000
        B5,U9,BND,x,,1,70
        """);
    analyse(pipeline, lots);

    // Schwab's 977 is not in accounts.csv: its three rows are dead letters, its lots with them
    PAssert.that(rejected.apply("RejectedLines", MapElements.into(TypeDescriptor.of(String.class))
            .via(r -> r.lineNumber() + " " + r.reason())))
        .containsInAnyOrder("3 account 977 of B1 is not in accounts.csv",
            "4 account 977 of B1 is not in accounts.csv",
            "5 account 977 of B1 is not in accounts.csv");
    PAssert.that(problems.apply("LotProblems", Filter.by(
            (InputProblem p) -> p.kind() == InputProblem.Kind.LOTS_EXCEED_HOLDING))
            .apply("Messages", MapElements.into(TypeDescriptor.of(String.class))
                .via(InputProblem::message)))
        .containsInAnyOrder("account U9 of brokerage B5: its lots of BND add up to 1 share,"
            + " but it holds none today (no export holds it); the lots are from " + lots
            + " line 3: correct the lots or the export");
    pipeline.run().waitUntilFinish();
  }

  private PCollectionTuple analyse(TestPipeline pipeline, Path lots) {
    DomainCoders.registerOn(pipeline);
    PipelineConfig config = new PipelineConfig("test", dir.resolve("test.yaml").toString(), null,
        List.of(new SourceConfig("B5", ibkr.toString(), "ibkr-activity", null),
            new SourceConfig("B1", schwab.toString(), "schwab-positions", null)),
        dir.resolve("accounts.csv").toString(), dir.resolve("models.csv").toString(),
        dir.resolve("prices.csv").toString(), null, null, null, lots.toString(),
        RebalanceRules.defaults(), 4, ValidationRules.defaults(), Map.of());
    ReadReferenceData.Read reference = ReadReferenceData.from(pipeline, config, RUN_DATE);
    PCollectionTuple read = pipeline.apply("ReadHoldings", ReadHoldings.from(config,
        reference.views(), reference.accounts(), RUN_DATE, 3));
    problems = read.get(ReadHoldings.PROBLEMS);
    rejected = read.get(ReadHoldings.REJECTED);
    return read.get(ReadHoldings.ACCOUNTS).apply("AnalyzePortfolios",
        AnalyzePortfolios.with(reference.views(), RUN_DATE));
  }

  /** "key: symbol lot_id open_date quantity cost_basis file:line; ..." in the analysis' order. */
  private static String lotsOf(AccountAnalysis a) {
    return a.key() + ": " + a.lots().stream().map(ReadLotsTest::described)
        .collect(Collectors.joining("; "));
  }

  private static String described(Lot l) {
    return String.join(" ", l.symbol(), l.lotId(),
        l.openDate() == null ? "-" : l.openDate().toString(), l.quantity().toPlainString(),
        l.costBasis().toPlainString(), l.sourceUri() + ":" + l.lineNumber());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
