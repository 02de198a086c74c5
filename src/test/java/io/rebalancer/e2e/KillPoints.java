package io.rebalancer.e2e;

import io.rebalancer.e2e.KillPoint.AfterLaunch;
import io.rebalancer.e2e.KillPoint.AfterLine;
import io.rebalancer.e2e.KillPoint.AtBreakpoint;
import io.rebalancer.e2e.KillPoint.OnFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the harness kills a run of the sample, spread over every stage. Progress lines and files
 * appearing find the stages that last long enough to see from outside (with delays measured on
 * an uninterrupted run of this machine); a debugger's breakpoint finds the moments that last
 * microseconds: between writing a temporary file and renaming it, between two renames, between
 * the last check and the commit.
 */
final class KillPoints {
  private static final String IO = "io.rebalancer.io.";
  private static final String FILES = "java.nio.file.Files";

  private KillPoints() {}

  /** reference: an uninterrupted run of the same command, for the delays between its lines. */
  static List<KillPoint> all(KillingLauncher.Outcome reference) {
    List<KillPoint> points = new ArrayList<>();
    points.add(new KillPoint("JVM starting", new AfterLaunch(Duration.ofMillis(300))));
    points.add(new KillPoint("at the first line", new AfterLine(" started", Duration.ZERO)));
    points.add(new KillPoint("reading, halfway",
        new AfterLine(" started", between(reference, " started", "rows read", 0.5))));
    points.add(breakpoint("parsing the first export part", "io.rebalancer.transforms.ParseExports",
        "process", -1, List.of(), 1, RunStage.PARSING));
    points.add(new KillPoint("rows read", new AfterLine("rows read", Duration.ZERO)));
    points.add(breakpoint("analysing the first account", "io.rebalancer.core.AccountAnalyzer",
        "analyze", -1, List.of(), 1, RunStage.ANALYSIS));
    points.add(breakpoint("before the first sorted run", IO + "OrderShards", "writeShard", -1,
        List.of(), 1, RunStage.SHARD_WRITING));
    points.add(breakpoint("sorted run written, not renamed", FILES, "move", -1,
        List.of(IO + "OrderShards.writeShard"), 1, RunStage.SHARD_WRITING));
    points.add(new KillPoint("a sorted run appears",
        new OnFile("order-runs/*", f -> f.matches("\\.staging-[^/]+/order-runs/.+"))));
    points.add(breakpoint("shard merged, its runs not yet removed", FILES, "deleteIfExists", -1,
        List.of(IO + "OrderShards.mergeRuns"), 1, RunStage.SHARD_WRITING));
    points.add(new KillPoint("a shard appears",
        new OnFile("orders/shard-*.csv", f -> f.matches("\\.staging-[^/]+/orders/[^/]+\\.csv"))));
    points.add(breakpoint("before merging the shards", IO + "OrderShards", "merge", 2, List.of(),
        1, RunStage.MERGE));
    points.add(breakpoint("merged file written, not renamed", FILES, "move", -1,
        List.of(IO + "OrderShards.merge", IO + "OrderShards.merge"), 1, RunStage.MERGE));
    points.add(new KillPoint("the merged orders file appears", new OnFile(
        "trade_orders_*.csv in staging", f -> f.matches("\\.staging-[^/]+/trade_orders_\\d+\\.csv"))));
    points.add(new KillPoint("a staged table file appears",
        new OnFile("tables/*", f -> f.matches("\\.staging-[^/]+/tables/.+"))));
    points.add(breakpoint("before the completion marker",
        "io.rebalancer.transforms.MarkStagingComplete$WriteMarker", "process", -1, List.of(), 1,
        RunStage.ROW_STAGING));
    points.add(breakpoint("loading, before the first table", IO + "Warehouse", "loadRun", -1,
        List.of(), 1, RunStage.LOAD));
    points.add(breakpoint("loading, two tables in", IO + "Warehouse", "insert", -1, List.of(), 3,
        RunStage.LOAD));
    points.add(new KillPoint("loaded, not committed",
        new AfterLine("rows loaded (not yet committed)", Duration.ZERO)));
    points.add(breakpoint("before the checks", IO + "QualityChecks", "run", -1, List.of(), 1,
        RunStage.CHECKS_COMMIT));
    points.add(breakpoint("writing the report", "io.rebalancer.report.Report", "write", -1,
        List.of(), 1, RunStage.CHECKS_COMMIT));
    points.add(breakpoint("at the commit", "org.duckdb.DuckDBConnection", "commit", 0,
        List.of(IO + "Warehouse.loadRun"), 1, RunStage.CHECKS_COMMIT));
    points.add(new KillPoint("the publishing marker appears",
        new OnFile("_PUBLISHING", f -> f.matches("\\.staging-[^/]+/_PUBLISHING"))));
    points.add(breakpoint("committed, nothing renamed", IO + "StagingArea", "publish", 2,
        List.of(), 1, RunStage.PUBLISH));
    points.add(breakpoint("report renamed, orders not", IO + "StagingArea", "publish", 2,
        List.of(), 2, RunStage.PUBLISH));
    points.add(breakpoint("all renamed, staging kept", IO + "StagingArea", "delete", 0,
        List.of(), 1, RunStage.PUBLISH));
    points.add(breakpoint("staging half removed", FILES, "deleteIfExists", -1,
        List.of(IO + "StagingArea.deleteOnce"), 10, RunStage.PUBLISH));
    return points;
  }

  private static KillPoint breakpoint(String name, String className, String method, int args,
      List<String> callers, int hit, RunStage stage) {
    return new KillPoint(name, new AtBreakpoint(className, method, args, callers, hit, stage));
  }

  /** A fraction of the time between two lines of the reference run. */
  private static Duration between(KillingLauncher.Outcome reference, String from, String to,
      double fraction) {
    return Duration.ofMillis(Math.round(
        (reference.millisOf(to) - reference.millisOf(from)) * fraction));
  }
}
