package io.rebalancer.io;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.InputException;
import io.rebalancer.core.SourceTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a finished pipeline's staged outputs, or nothing: checks that every source gave
 * holdings and that rejected rows are within the limit, loads the warehouse in one transaction,
 * then renames the trade-orders file into place.
 */
public final class Publisher {
  private final PipelineConfig config;
  private final LocalDate runDate;
  private final StagingArea staging;

  public Publisher(PipelineConfig config, LocalDate runDate, StagingArea staging) {
    this.config = config;
    this.runDate = runDate;
    this.staging = staging;
  }

  /** What a run published. */
  public record Published(Map<String, SourceTally> tallies, StagedSummary summary,
      Path ordersFile, Path rejectedFile, Path warehouse, RunRecord run) {}

  /** The run's totals, as staged by the pipeline. */
  public record StagedSummary(long households, long accounts, long rebalanced,
      long withinTolerance, long sells, long buys, long unplaced, String sellAmount,
      String buyAmount, String totalValue) {
    public long orders() {
      return sells + buys;
    }
  }

  public Published publish(Path outputDir, Path warehousePath, RunRecord started) {
    Map<String, SourceTally> tallies = checkSources();
    long read = tallies.values().stream().mapToLong(SourceTally::rowsRead).sum();
    long rejected = tallies.values().stream().mapToLong(SourceTally::rejected).sum();
    checkRejected(rejected);
    StagedSummary s = summary();
    RunRecord run = new RunRecord(started.runId(), runDate, started.startedAt(), Instant.now(),
        started.runner(), RunRecord.SUCCEEDED, read, rejected, s.accounts(), s.households(),
        s.orders(), s.unplaced(), config.file(), null, 0);
    Path orders = outputDir.resolve(StagingArea.ordersFileName(runDate));
    Path rejectedStaged = RejectedRowsCsv.write(rejectedRows(),
        staging.path().resolve(RejectedRowsCsv.fileName(runDate)));
    Path rejectedFile = rejectedStaged == null ? null
        : outputDir.resolve(rejectedStaged.getFileName());
    try (Warehouse w = Warehouse.open(warehousePath)) {
      run = run.withChecks(w.loadRun(runDate, staging, run));
    }
    try {
      StagingArea.publish(staging.mergedOrders(runDate), orders);
      if (rejectedStaged != null) {
        StagingArea.publish(rejectedStaged, rejectedFile);
      } else {
        Files.deleteIfExists(outputDir.resolve(RejectedRowsCsv.fileName(runDate)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + orders, e);
    }
    return new Published(tallies, s, orders, rejectedFile, warehousePath, run);
  }

  /** Every source must have matched files and given at least one holding. */
  private Map<String, SourceTally> checkSources() {
    Map<String, SourceTally> tallies = new HashMap<>();
    for (List<String> row : StagedCsv.read(staging.tableFiles("source_counts"))) {
      SourceTally t = new SourceTally(row.get(1), Long.parseLong(row.get(2)),
          Long.parseLong(row.get(3)), Long.parseLong(row.get(4)), Long.parseLong(row.get(5)),
          Long.parseLong(row.get(6)));
      tallies.put(t.sourceId(), t);
    }
    for (SourceConfig source : config.sources()) {
      SourceTally t = tallies.get(source.id());
      if (t == null || t.rowsRead() == 0) {
        throw new InputException("source " + source.id() + ": " + source.uri() + " is empty");
      }
      if (t.holdings() == 0 && t.rejected() == 0) {
        throw new InputException("source " + source.id() + ": " + source.uri()
            + " holds no positions (" + t.rowsRead() + " rows, none a holding)");
      }
    }
    return tallies;
  }

  private void checkRejected(long rejected) {
    if (rejected <= config.maxRejectedRows()) {
      return;
    }
    List<String> first = rejectedRows().get(0);
    throw new InputException(String.format(
        "source %s: %d rejected row(s) in all, more than validation.maxRejectedRows (%d);"
            + " first: %s line %s: %s", first.get(1), rejected, config.maxRejectedRows(),
        first.get(2), first.get(3), first.get(4)));
  }

  /** The staged rejected rows in file order: source, file, line. */
  private List<List<String>> rejectedRows() {
    List<List<String>> rows = new java.util.ArrayList<>(
        StagedCsv.read(staging.tableFiles("rejected_records")));
    rows.sort(Comparator.comparing((List<String> r) -> r.get(1))
        .thenComparing(r -> r.get(2))
        .thenComparingLong(r -> Long.parseLong(r.get(3))));
    return rows;
  }

  private StagedSummary summary() {
    List<List<String>> rows = StagedCsv.read(staging.tableFiles("run_summary"));
    if (rows.size() != 1 || !Files.exists(staging.mergedOrders(runDate))) {
      throw new IllegalStateException("the pipeline finished without staging its outputs in "
          + staging.root());
    }
    List<String> r = rows.get(0);
    return new StagedSummary(Long.parseLong(r.get(1)), Long.parseLong(r.get(2)),
        Long.parseLong(r.get(3)), Long.parseLong(r.get(4)), Long.parseLong(r.get(5)),
        Long.parseLong(r.get(6)), Long.parseLong(r.get(7)), r.get(8), r.get(9), r.get(10));
  }
}
