package io.rebalancer;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountHoldings;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.trust.ExportFile;
import io.rebalancer.io.RowBlock;
import io.rebalancer.io.StagingArea;
import io.rebalancer.logging.RunProgress;
import io.rebalancer.transforms.AnalyzePortfolios;
import io.rebalancer.transforms.DomainCoders;
import io.rebalancer.transforms.LogProgress;
import io.rebalancer.transforms.MarkStagingComplete;
import io.rebalancer.transforms.ReadHoldings;
import io.rebalancer.transforms.ReadReferenceData;
import io.rebalancer.transforms.Rebalance;
import io.rebalancer.transforms.ReferenceData;
import io.rebalancer.transforms.StageWarehouseRows;
import io.rebalancer.transforms.WriteTradeOrders;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The daily rebalance, as in the SPEC's diagram: sources -> holdings -> per-account analysis ->
 * per-household rebalance -> trade orders, with every step's warehouse rows staged beside.
 * Everything is written to a staging area; {@link RunCommand} publishes it once the job succeeds.
 * This class knows nothing of launchers: {@code RunCommand} builds it, never the reverse.
 */
public final class RebalancePipeline {
  private RebalancePipeline() {}

  /**
   * What the pipeline produces, stage by stage: tests assert on these, and the launcher waits
   * for the files they name.
   */
  public record Outputs(
      PCollection<AccountHoldings> accounts,
      PCollection<RejectedRow> rejected,
      PCollection<AccountAnalysis> analyses,
      PCollection<HouseholdPlan> plans,
      PCollection<String> ordersFile,
      PCollection<RowBlock> warehouseRows,
      WriteFilesResult<String> stagedRows) {}

  /** Adds the whole pipeline to p; its progress lines count from now. */
  public static Outputs build(Pipeline p, PipelineConfig config, LocalDate runDate,
      StagingArea staging, int keyBuckets) {
    return build(p, config, runDate, staging, keyBuckets, RunProgress.since(Instant.now()));
  }

  /** Adds the whole pipeline to p, each stage logging a progress line as it completes. */
  public static Outputs build(Pipeline p, PipelineConfig config, LocalDate runDate,
      StagingArea staging, int keyBuckets, RunProgress progress) {
    DomainCoders.registerOn(p);
    ReadReferenceData.Read read = ReadReferenceData.from(p, config, runDate);
    ReferenceData reference = read.views();

    PCollectionTuple holdings = p.apply("ReadHoldings",
        ReadHoldings.from(config, reference, read.accounts(), runDate, keyBuckets));

    PCollectionTuple accounts = holdings.get(ReadHoldings.ACCOUNTS).apply("AnalyzePortfolios",
        AnalyzePortfolios.with(reference, runDate));

    PCollectionTuple households = accounts.get(AnalyzePortfolios.ACCOUNTS).apply("Rebalance",
        Rebalance.with(reference, config.rebalance(), runDate, keyBuckets));

    PCollection<HouseholdPlan> plans = households.get(Rebalance.PLANS);
    PCollection<String> ordersFile = plans.apply("WriteTradeOrders",
        WriteTradeOrders.to(staging, runDate, config.tradeOrderShards()));

    PCollection<RowBlock> rows = PCollectionList.of(read.priceRows())
        .and(holdings.get(ReadHoldings.ROWS))
        .and(accounts.get(AnalyzePortfolios.ROWS))
        .and(households.get(Rebalance.ROWS))
        .apply("WarehouseRows", Flatten.pCollections());
    WriteFilesResult<String> staged = rows.apply("StageWarehouseRows",
        StageWarehouseRows.in(staging));
    p.apply("MarkStagingComplete", MarkStagingComplete.after(staging, ordersFile,
        staged.getPerDestinationOutputFilenames()));
    logProgress(progress, holdings.get(ReadHoldings.FILES),
        accounts.get(AnalyzePortfolios.ACCOUNTS), plans, ordersFile, rows, staged);
    return new Outputs(holdings.get(ReadHoldings.ACCOUNTS), holdings.get(ReadHoldings.REJECTED),
        accounts.get(AnalyzePortfolios.ACCOUNTS), plans, ordersFile, rows, staged);
  }

  /** A line per stage as it completes (see {@link LogProgress}). */
  private static void logProgress(RunProgress progress, PCollection<ExportFile> files,
      PCollection<AccountAnalysis> analyses, PCollection<HouseholdPlan> plans,
      PCollection<String> ordersFile, PCollection<RowBlock> rows,
      WriteFilesResult<String> staged) {
    files.apply("ProgressRowsRead", LogProgress.of(progress, "%d rows read",
        (ExportFile f) -> f.tally().rowsRead()));
    analyses.apply("ProgressAccounts", LogProgress.of(progress, "%d accounts analysed",
        (AccountAnalysis a) -> 1L));
    plans.apply("ProgressHouseholds", LogProgress.of(progress, "%d households rebalanced",
        (HouseholdPlan h) -> 1L));
    plans.apply("ProgressOrders", LogProgress.of(progress, "%d orders written",
        (HouseholdPlan h) -> (long) h.orders().size()).after(ordersFile));
    rows.apply("ProgressRowsStaged", LogProgress.of(progress, "%d warehouse rows staged",
        (RowBlock b) -> (long) b.count()).after(staged.getPerDestinationOutputFilenames()));
  }
}
