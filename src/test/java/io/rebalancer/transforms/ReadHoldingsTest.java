package io.rebalancer.transforms;

import static io.rebalancer.testing.ExceptionChains.assertInputException;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Holding;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.SourceTally;
import io.rebalancer.io.WarehouseRow;
import io.rebalancer.core.trust.ValidationRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReadHoldings on small canonical exports: every row of a file is a holding, a recognised line or
 * a dead letter with its line and reason, and the per-source tallies add up.
 */
@ExtendWith(TestPipelineExtension.class)
class ReadHoldingsTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;
  private Path accounts;
  private Path models;
  private Path prices;

  @BeforeEach
  void referenceFiles() throws IOException {
    // A9 is an account of B2 only: the same number at B1 is another, unknown, account.
    accounts = write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id,cash_reserve
        B1,A1,H1,m60,0
        B1,A2,H1,m60,500
        B2,A1,H2,m60,0
        B2,A9,H2,m60,0
        """);
    models = write("models.csv", """
        model_id,symbol,target_weight
        m60,VTI,0.6
        m60,BND,0.4
        """);
    // BND's close after the run date is not history yet: the 11-20 close must price the row.
    prices = write("prices.csv", """
        date,symbol,close
        2026-11-18,BND,73.89
        2026-11-19,BND,74.20
        2026-11-20,BND,74.12
        2026-11-23,BND,80.00
        2026-11-19,VTI,274.24
        2026-11-20,VTI,274.61
        """);
  }

  /** B1's export: CRLF line ends, a blank line, and three rows that must be dead letters. */
  private Path brokerageOne() throws IOException {
    return write("B1/positions.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,270.50,US_EQUITY
        A1,BND,20,,US_BOND

        A1,CASH,1000.50,1,CASH
        A2,VTI,abc,270.50,US_EQUITY
        A9,VTI,5,270.50,US_EQUITY
        A2,XYZ,3,,US_EQUITY
        """.replace("\n", "\r\n"));
  }

  /** B1's three dead letters, as every reading of its export must find them. */
  private static List<RejectedRow> brokerageOneRejected(String b1) {
    return List.of(
        new RejectedRow("B1", b1, 6, "quantity 'abc' is not a number",
            "A2,VTI,abc,270.50,US_EQUITY"),
        new RejectedRow("B1", b1, 7, "account A9 of B1 is not in accounts.csv",
            "A9,VTI,5,270.50,US_EQUITY"),
        new RejectedRow("B1", b1, 8, "no price for XYZ in the export or the price history",
            "A2,XYZ,3,,US_EQUITY"));
  }

  private Path brokerageTwo() throws IOException {
    return write("B2/positions.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,BND,100,74.00,US_BOND
        A9,CASH,250,1,CASH
        """);
  }

  @Test
  void readsHoldingsRejectsBadRowsAndTalliesEverySource(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    String b1 = brokerageOne().toString();
    String b2 = brokerageTwo().toString();
    PCollectionTuple out = read(pipeline, List.of(source("B1", b1), source("B2", b2)));

    PAssert.that(holdings(out)).containsInAnyOrder(
        holding("B1", "A1", "VTI", "10", "270.50", "US_EQUITY", false, b1, 2),
        // no price in the export: the latest close on or before the run date
        holding("B1", "A1", "BND", "20", "74.12", "US_BOND", false, b1, 3),
        holding("B1", "A1", "CASH", "1000.50", "1", "CASH", true, b1, 5),
        holding("B2", "A1", "BND", "100", "74.00", "US_BOND", false, b2, 2),
        holding("B2", "A9", "CASH", "250", "1", "CASH", true, b2, 3));
    PAssert.that(out.get(ReadHoldings.REJECTED)).containsInAnyOrder(brokerageOneRejected(b1));
    // B1: 8 rows = 3 holdings + header and blank line + 3 rejected; B2: 3 = 2 + header.
    PAssert.that(out.get(ReadHoldings.TALLIES)).containsInAnyOrder(
        new SourceTally("B1", 1, 8, 3, 2, 3),
        new SourceTally("B2", 1, 3, 2, 1, 0));
    PAssert.that(out.get(ReadHoldings.TALLIES)).satisfies(tallies -> {
      tallies.forEach(t -> {
        if (!t.balanced()) {
          throw new AssertionError("unbalanced tally " + t);
        }
      });
      return null;
    });
    PAssert.that(TestRows.of(out.get(ReadHoldings.ROWS))).containsInAnyOrder(
        WarehouseRow.of("rejected_records", "2026-11-20", "B1", b1, "6",
            "quantity 'abc' is not a number", "A2,VTI,abc,270.50,US_EQUITY"),
        WarehouseRow.of("rejected_records", "2026-11-20", "B1", b1, "7",
            "account A9 of B1 is not in accounts.csv", "A9,VTI,5,270.50,US_EQUITY"),
        WarehouseRow.of("rejected_records", "2026-11-20", "B1", b1, "8",
            "no price for XYZ in the export or the price history", "A2,XYZ,3,,US_EQUITY"),
        WarehouseRow.of("source_counts", "2026-11-20", "B1", "1", "8", "3", "2", "3"),
        WarehouseRow.of("source_counts", "2026-11-20", "B2", "1", "3", "2", "1", "0"),
        // canonical exports state no date
        WarehouseRow.of("source_files", "2026-11-20", "B1", "B1", b1, "false", null, null, null,
            "8"),
        WarehouseRow.of("source_files", "2026-11-20", "B2", "B2", b2, "false", null, null, null,
            "3"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void globSourceReadsEveryMatchingFileIntoOneTally(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    Path first = write("B2/positions-1.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,BND,100,74.00,US_BOND
        """);
    Path second = write("B2/positions-2.csv", """
        account_id,symbol,quantity,price,asset_class
        A9,VTI,2,274.00,US_EQUITY
        A9,CASH,250,1,CASH
        """);
    write("B2/other.csv", "account_id,symbol,quantity,price,asset_class\nA9,VTI,1,1,X\n");
    PCollectionTuple out = read(pipeline,
        List.of(source("B2", dir.resolve("B2/positions-*.csv").toString())));

    PAssert.that(holdings(out)).containsInAnyOrder(
        holding("B2", "A1", "BND", "100", "74.00", "US_BOND", false, first.toString(), 2),
        holding("B2", "A9", "VTI", "2", "274.00", "US_EQUITY", false, second.toString(), 2),
        holding("B2", "A9", "CASH", "250", "1", "CASH", true, second.toString(), 3));
    PAssert.that(out.get(ReadHoldings.TALLIES))
        .containsInAnyOrder(new SourceTally("B2", 2, 5, 3, 2, 0));
    PAssert.that(out.get(ReadHoldings.REJECTED)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void accountsCarryTheirLineOfTheAccountsFile(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    PCollectionTuple out = read(pipeline, List.of(source("B1", brokerageOne().toString()),
        source("B2", brokerageTwo().toString())));

    // B1/A2's rows were all rejected, so it has no holdings; B1/A9 is not listed at all
    PAssert.that(out.get(ReadHoldings.ACCOUNTS).apply("Infos", MapElements
        .into(TypeDescriptor.of(AccountInfo.class)).via(AccountHoldings::info)))
        .containsInAnyOrder(
            new AccountInfo(new AccountKey("B1", "A1"), "H1", "m60", new BigDecimal("0")),
            new AccountInfo(new AccountKey("B2", "A1"), "H2", "m60", new BigDecimal("0")),
            new AccountInfo(new AccountKey("B2", "A9"), "H2", "m60", new BigDecimal("0")));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aLargeFileReadInPartsGivesEveryRowItsLineAndTalliesOnce(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    // 40 bytes a part: the 8-line export is cut at several line ends, CRLF and all
    String b1 = brokerageOne().toString();
    PCollectionTuple out = read(pipeline, List.of(source("B1", b1)), 40);

    PAssert.that(holdings(out)).containsInAnyOrder(
        holding("B1", "A1", "VTI", "10", "270.50", "US_EQUITY", false, b1, 2),
        holding("B1", "A1", "BND", "20", "74.12", "US_BOND", false, b1, 3),
        holding("B1", "A1", "CASH", "1000.50", "1", "CASH", true, b1, 5));
    PAssert.that(out.get(ReadHoldings.REJECTED)).containsInAnyOrder(brokerageOneRejected(b1));
    PAssert.that(out.get(ReadHoldings.TALLIES))
        .containsInAnyOrder(new SourceTally("B1", 1, 8, 3, 2, 3));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void anAccountListedTwiceFailsTheRunNamingIt(TestPipeline pipeline) throws IOException {
    DomainCoders.registerOn(pipeline);
    accounts = write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id,cash_reserve
        B2,A1,H2,m60,0
        B2,A9,H2,m60,0
        B2,A1,H3,m60,0
        """);
    read(pipeline, List.of(source("B2", brokerageTwo().toString())));

    Pipeline.PipelineExecutionException e = assertThrows(
        Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertInputException(e, accounts + ": account B2/A1 is listed twice");
  }

  /**
   * The security master's classes replace the export's labels before anything reads them: the
   * holdings, their warehouse rows and the asset-class weights. A cash row stays cash; a fund the
   * master calls CASH becomes cash. The accounts' type and trading travel with them.
   */
  @Test
  void theSecurityMastersClassesReachHoldingsAndTheirWarehouseRows(TestPipeline pipeline)
      throws IOException {
    DomainCoders.registerOn(pipeline);
    accounts = write("accounts.csv", """
        brokerage_id,account_id,household_id,model_id,cash_reserve,account_type,trading
        B1,A1,H1,m60,0,,
        B1,A2,H1,m60,500,tax-deferred,no-sell
        """);
    Path securities = write("securities.csv", """
        symbol,asset_class,name,preferred_account_type
        VTI,US_EQUITY,Vanguard Total Stock Market ETF,taxable
        SWVXX,CASH,Schwab Value Advantage Money Fund,
        CASH,US_EQUITY,,
        """);
    String b1 = write("B1/positions.csv", """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,270.50,ETFs & Closed End Funds
        A1,BND,20,74.12,Fixed Income
        A1,CASH,1000.50,1,CASH
        A2,VTI,2,270.50,Stocks
        A2,SWVXX,300,1,Mutual Funds
        """).toString();
    PipelineConfig config = config(List.of(source("B1", b1)), securities.toString());
    ReadReferenceData.Read reference = ReadReferenceData.from(pipeline, config, RUN_DATE);
    PCollectionTuple out = pipeline.apply("ReadHoldings", ReadHoldings.from(config,
        reference.views(), reference.accounts(), RUN_DATE, 3));

    PAssert.that(holdings(out)).containsInAnyOrder(
        holding("B1", "A1", "VTI", "10", "270.50", "US_EQUITY", false, b1, 2),
        holding("B1", "A1", "BND", "20", "74.12", "Fixed Income", false, b1, 3),
        holding("B1", "A1", "CASH", "1000.50", "1", "CASH", true, b1, 4),
        holding("B1", "A2", "VTI", "2", "270.50", "US_EQUITY", false, b1, 5),
        holding("B1", "A2", "SWVXX", "300", "1", "CASH", true, b1, 6));
    PAssert.that(out.get(ReadHoldings.ACCOUNTS).apply("AccountRules", MapElements
            .into(TypeDescriptor.of(String.class))
            .via(a -> a.info().key() + " " + a.info().accountType() + " " + a.info().trading())))
        .containsInAnyOrder("B1/A1 TAXABLE NORMAL", "B1/A2 TAX_DEFERRED NO_SELL");

    PCollection<WarehouseRow> rows = TestRows.of(out.get(ReadHoldings.ACCOUNTS)
        .apply("AnalyzePortfolios", AnalyzePortfolios.with(reference.views(), RUN_DATE))
        .get(AnalyzePortfolios.ROWS));
    // holdings: symbol and asset_class; asset_class_allocations: scope id, class and value
    PAssert.that(rows.apply("Classes", FlatMapElements.into(TypeDescriptor.of(String.class))
            .via((WarehouseRow r) -> switch (r.table()) {
              case "holdings" -> List.of(r.cells().get(2) + " " + r.cells().get(4) + " "
                  + r.cells().get(5));
              case "asset_class_allocations" -> List.of(r.cells().get(2) + " "
                  + r.cells().get(4) + " " + new BigDecimal(r.cells().get(5)).stripTrailingZeros().toPlainString());
              default -> List.<String>of();
            })))
        .containsInAnyOrder("A1 VTI US_EQUITY", "A1 BND Fixed Income", "A1 CASH CASH",
            "A2 VTI US_EQUITY", "A2 SWVXX CASH",
            "B1/A1 US_EQUITY 2705", "B1/A1 Fixed Income 1482.4", "B1/A1 CASH 1000.5",
            "B1/A2 US_EQUITY 541", "B1/A2 CASH 300");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void sourceMatchingNoFileFailsThePipeline(TestPipeline pipeline) {
    DomainCoders.registerOn(pipeline);
    String missing = dir.resolve("B3/positions-*.csv").toString();
    read(pipeline, List.of(source("B3", missing)));

    Pipeline.PipelineExecutionException e = assertThrows(
        Pipeline.PipelineExecutionException.class, () -> pipeline.run().waitUntilFinish());
    assertInputException(e, "source B3: no file matches " + missing);
  }

  private PCollectionTuple read(Pipeline pipeline, List<SourceConfig> sources) {
    return read(pipeline, sources, ReadHoldings.PART_BYTES);
  }

  private PCollectionTuple read(Pipeline pipeline, List<SourceConfig> sources, long partBytes) {
    PipelineConfig config = config(sources, null);
    ReadReferenceData.Read reference = ReadReferenceData.from(pipeline, config, RUN_DATE);
    return pipeline.apply("ReadHoldings", ReadHoldings.from(config, reference.views(),
        reference.accounts(), RUN_DATE, 3).withPartBytes(partBytes));
  }

  /** The test's files, with a security master or (null) without. */
  private PipelineConfig config(List<SourceConfig> sources, String securities) {
    return new PipelineConfig("test", dir.resolve("test.yaml").toString(), null, sources,
        accounts.toString(), models.toString(), prices.toString(), securities, null, null, null,
        RebalanceRules.defaults(), 4, ValidationRules.defaults(), Map.of());
  }

  /** Every account's holdings, as one collection. */
  private static PCollection<Holding> holdings(PCollectionTuple out) {
    return out.get(ReadHoldings.ACCOUNTS).apply("Holdings", FlatMapElements
        .into(TypeDescriptor.of(Holding.class)).via(AccountHoldings::holdings));
  }

  private static SourceConfig source(String id, String uri) {
    return new SourceConfig(id, uri, "canonical", null);
  }

  private static Holding holding(String brokerage, String account, String symbol, String quantity,
      String price, String assetClass, boolean cash, String uri, long line) {
    return new Holding(brokerage, account, symbol, new BigDecimal(quantity),
        new BigDecimal(price), assetClass, cash, brokerage, uri, line);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
