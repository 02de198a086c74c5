package io.rebalancer.io;

import io.rebalancer.config.PipelineConfig;
import io.rebalancer.config.SourceConfig;
import io.rebalancer.core.InputException;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.logging.RunProgress;
import io.rebalancer.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Publishes a finished pipeline's staged outputs, or nothing: checks that every source gave
 * holdings and that rejected rows are within the limit, loads the warehouse in one transaction,
 * writes the HTML report from the loaded rows, then renames the report and the trade-orders file
 * into place.
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
      Path ordersFile, Path rejectedFile, Path warehouse, RunRecord run, InputFacts inputs,
      Path reportFile) {}

  /**
   * What the run's summary says of the inputs: each file with its date (by source and file) and
   * its reconciled totals, and the first price breaks (in file and line order) with their count.
   */
  public record InputFacts(List<Table<?>.Staged> files, Map<String, Long> reconciledByFile,
      List<Table<?>.Staged> firstPriceBreaks, long priceBreaks) {}

  /** How many price breaks the summary lists; the warehouse has them all. */
  static final int LISTED_PRICE_BREAKS = 5;

  /**
   * The run's totals, as staged by the pipeline.
   *
   * @param knownBasisLots lots of known basis sold in any account: 0 when the run had no lots
   */
  public record StagedSummary(long households, long accounts, long rebalanced,
      long withinTolerance, long sells, long buys, long unplaced, String sellAmount,
      String buyAmount, String totalValue, String shortTermGain, String longTermGain,
      String unknownTermGain, long washSaleLots, long knownBasisLots) {
    public long orders() {
      return sells + buys;
    }
  }

  public Published publish(Path outputDir, Path warehousePath, RunRecord started) {
    // A source with no holdings at all is the cause of whatever else its file fails (say, a
    // stated total its nothing cannot add up to): it is named first.
    Map<String, SourceTally> tallies = checkSources();
    checkProblems();
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
    Path report = outputDir.resolve(Report.fileName(runDate));
    Path reportStaged = staging.path().resolve(report.getFileName());
    List<PublishPlan.Step> steps = new ArrayList<>();
    steps.add(new PublishPlan.Step(reportStaged, report));
    steps.add(new PublishPlan.Step(staging.mergedOrders(runDate), orders));
    steps.add(rejectedStaged != null ? new PublishPlan.Step(rejectedStaged, rejectedFile)
        : new PublishPlan.Step(null, outputDir.resolve(RejectedRowsCsv.fileName(runDate))));
    PublishPlan plan = new PublishPlan(List.copyOf(steps));
    String runId = run.runId();
    try (Warehouse w = Warehouse.open(warehousePath)) {
      // Inside the load's transaction, from its rows (so that the page shows what the warehouse
      // will hold), and before the commit, so that a run that committed has its report staged;
      // the plan, last, tells a run that finds this staging after a crash what to finish.
      run = run.withChecks(w.loadRun(runDate, staging, run, connection -> {
        Report.write(connection, config, runDate, runId, reportStaged);
        plan.writeTo(staging);
      }));
    }
    try {
      plan.apply();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + orders, e);
    }
    RunProgress.since(started.startedAt()).log("published " + orders.getFileName()
        + ", " + report.getFileName() + " and the warehouse");
    return new Published(tallies, s, orders, rejectedFile, warehousePath, run, inputFacts(),
        report);
  }

  /**
   * The inputs' problems found while reading (an account in two files, a stale or future export,
   * an unreconciled total, a stale close) fail the run before anything is published, naming the
   * first in {@link InputProblem#ORDER}: the same error line whichever worker found what first.
   */
  private void checkProblems() {
    Table<?> t = WarehouseTables.INPUT_PROBLEMS;
    TreeSet<InputProblem> problems = new TreeSet<>(InputProblem.ORDER);
    for (List<String> cells : StagedCsv.read(staging.tableFiles(t.name()))) {
      Table<?>.Staged r = t.read(cells);
      problems.add(new InputProblem(InputProblem.Kind.valueOf(r.get("kind")), r.get("key"),
          r.get("message")));
    }
    if (problems.isEmpty()) {
      return;
    }
    int more = problems.size() - 1;
    throw new InputException(problems.first().message() + (more == 0 ? ""
        : " (and " + more + " more input problem" + (more == 1 ? "" : "s") + ")"));
  }

  private InputFacts inputFacts() {
    Table<?> files = WarehouseTables.SOURCE_FILES;
    List<Table<?>.Staged> fileRows = new ArrayList<>();
    StagedCsv.read(staging.tableFiles(files.name())).forEach(c -> fileRows.add(files.read(c)));
    fileRows.sort(Comparator.comparing((Table<?>.Staged r) -> r.get("source_id"))
        .thenComparing(r -> r.get("source_uri")));
    Table<?> rec = WarehouseTables.SOURCE_RECONCILIATION;
    Map<String, Long> reconciled = new TreeMap<>();
    StagedCsv.read(staging.tableFiles(rec.name()))
        .forEach(c -> reconciled.merge(rec.read(c).get("source_uri"), 1L, Long::sum));
    Table<?> breaks = WarehouseTables.PRICE_BREAKS;
    Comparator<Table<?>.Staged> byLine = Comparator
        .comparing((Table<?>.Staged r) -> r.get("source_id"))
        .thenComparing(r -> r.get("source_uri")).thenComparingLong(r -> r.getLong("line_number"));
    TreeSet<Table<?>.Staged> first = new TreeSet<>(byLine);
    long count = 0;
    for (List<String> cells : StagedCsv.read(staging.tableFiles(breaks.name()))) {
      count++;
      first.add(breaks.read(cells));
      if (first.size() > LISTED_PRICE_BREAKS) {
        first.pollLast();
      }
    }
    return new InputFacts(fileRows, reconciled, new ArrayList<>(first), count);
  }

  /** Every source must have matched files and given at least one holding. */
  private Map<String, SourceTally> checkSources() {
    Map<String, SourceTally> tallies = new HashMap<>();
    Table<?> counts = WarehouseTables.SOURCE_COUNTS;
    for (List<String> cells : StagedCsv.read(staging.tableFiles(counts.name()))) {
      Table<?>.Staged row = counts.read(cells);
      SourceTally t = new SourceTally(row.get("source_id"), row.getLong("files"),
          row.getLong("rows_read"), row.getLong("holdings"), row.getLong("recognised"),
          row.getLong("rejected"));
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
      if (t.holdings() == 0) {
        // However many rejects validation.maxRejectedRows allows, a source none of whose rows
        // was a holding is a wrong layout or a broken file, not a brokerage with no positions:
        // rebalancing without it would trade on partial holdings.
        Table<?>.Staged first = rejectedRows().stream()
            .filter(r -> r.get("brokerage_id").equals(source.id())).findFirst().orElseThrow();
        throw new InputException(String.format("source %s: %s holds no positions: all %d rows"
            + " that look like holdings were rejected, first: %s line %s: %s (is %s its layout?)",
            source.id(), source.uri(), t.rejected(), first.get("source_uri"),
            first.get("line_number"), first.get("reason"), source.format()));
      }
    }
    return tallies;
  }

  private void checkRejected(long rejected) {
    if (rejected <= config.maxRejectedRows()) {
      return;
    }
    Table<?>.Staged first = rejectedRows().get(0);
    throw new InputException(String.format(
        "source %s: %d rejected row(s) in all, more than validation.maxRejectedRows (%d);"
            + " first: %s line %s: %s", first.get("brokerage_id"), rejected,
        config.maxRejectedRows(), first.get("source_uri"), first.get("line_number"),
        first.get("reason")));
  }

  /** The staged rejected rows in file order: source, file, line. */
  private List<Table<?>.Staged> rejectedRows() {
    Table<?> t = WarehouseTables.REJECTED_RECORDS;
    List<Table<?>.Staged> rows = new ArrayList<>();
    StagedCsv.read(staging.tableFiles(t.name())).forEach(cells -> rows.add(t.read(cells)));
    rows.sort(Comparator.comparing((Table<?>.Staged r) -> r.get("brokerage_id"))
        .thenComparing(r -> r.get("source_uri"))
        .thenComparingLong(r -> r.getLong("line_number")));
    return rows;
  }

  private StagedSummary summary() {
    Table<?> t = WarehouseTables.RUN_SUMMARY;
    List<List<String>> rows = StagedCsv.read(staging.tableFiles(t.name()));
    if (rows.size() != 1 || !Files.exists(staging.mergedOrders(runDate))) {
      throw new IllegalStateException("the pipeline finished without staging its outputs in "
          + staging.root());
    }
    Table<?>.Staged r = t.read(rows.get(0));
    return new StagedSummary(r.getLong("households"), r.getLong("accounts"),
        r.getLong("rebalanced"), r.getLong("within_tolerance"), r.getLong("sells"),
        r.getLong("buys"), r.getLong("unplaced"), r.get("sell_amount"), r.get("buy_amount"),
        r.get("total_value"), r.get("short_term_gain"), r.get("long_term_gain"),
        r.get("unknown_term_gain"), r.getLong("wash_sale_lots"), r.getLong("known_basis_lots"));
  }
}
