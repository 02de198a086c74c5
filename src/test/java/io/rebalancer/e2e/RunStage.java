package io.rebalancer.e2e;

import java.util.Collection;
import java.util.List;

/**
 * The stages of a Direct-runner run in the order they happen, and which of them a killed run was
 * in: read from what the run left, not from what the kill aimed at. Each piece of evidence (a
 * progress line it printed, a file in the output folder, the warehouse holding the run, the
 * method a debugger stopped it in) shows the run had got at least that far; the latest wins.
 */
enum RunStage {
  STARTUP("startup"),
  PARSING("parsing"),
  ANALYSIS("analysis"),
  SHARD_WRITING("shard writing"),
  MERGE("merge"),
  ROW_STAGING("warehouse row staging"),
  LOAD("warehouse load"),
  CHECKS_COMMIT("checks and commit"),
  PUBLISH("publish"),
  FINISHED("after publish");

  /** The stages every kill harness run must have killed at least once. */
  static final List<RunStage> REQUIRED = List.of(PARSING, ANALYSIS, SHARD_WRITING, MERGE,
      ROW_STAGING, LOAD, CHECKS_COMMIT, PUBLISH);

  final String label;

  RunStage(String label) {
    this.label = label;
  }

  /**
   * @param progress the progress lines the run printed before it died
   * @param files the output folder's files at the kill, relative, with '/' (logs/ left out)
   * @param committed whether the warehouse holds the killed run as SUCCEEDED
   * @param stoppedIn the stage of the code a debugger held the run in, or null
   */
  static RunStage landed(Collection<String> progress, Collection<String> files,
      boolean committed, RunStage stoppedIn) {
    RunStage byLines = fromLines(progress);
    RunStage byFiles = fromFiles(files, committed);
    RunStage latest = byLines.compareTo(byFiles) >= 0 ? byLines : byFiles;
    return stoppedIn != null && stoppedIn.compareTo(latest) > 0 ? stoppedIn : latest;
  }

  private static RunStage fromLines(Collection<String> progress) {
    RunStage s = STARTUP;
    for (String line : progress) {
      RunStage l = line.contains("published ") ? PUBLISH
          : line.contains("data-quality checks passed") || line.contains("rows loaded")
              ? CHECKS_COMMIT
          : line.contains("warehouse rows staged") ? LOAD
          : line.contains("orders written") ? ROW_STAGING
          // "households rebalanced" may come after the shards are written: it only says the
          // rebalance had started
          : line.contains("rows read") || line.contains("accounts analysed")
              || line.contains("households rebalanced") ? ANALYSIS
          : line.contains(" started") ? PARSING
          : STARTUP;
      s = l.compareTo(s) > 0 ? l : s;
    }
    return s;
  }

  private static RunStage fromFiles(Collection<String> files, boolean committed) {
    List<String> staged = files.stream().filter(f -> f.startsWith(".staging-"))
        .map(f -> f.indexOf('/') < 0 ? "" : f.substring(f.indexOf('/') + 1)).toList();
    if (committed) {
      return staged.isEmpty() ? FINISHED : PUBLISH;
    }
    if (staged.stream().anyMatch(f -> f.equals("_PUBLISHING") || f.startsWith("report_"))) {
      return CHECKS_COMMIT;
    }
    if (staged.contains("_COMPLETE")) {
      return LOAD;
    }
    if (staged.stream().anyMatch(f -> f.startsWith("tables/") || f.startsWith("tmp/")
        || f.matches("trade_orders_\\d{8}\\.csv"))) {
      return ROW_STAGING;
    }
    if (staged.stream().anyMatch(f -> f.matches("trade_orders_\\d{8}\\.csv(\\.[^/]+)?\\.tmp"))) {
      return MERGE;
    }
    if (staged.stream().anyMatch(f -> f.startsWith("orders/") || f.startsWith("order-runs/"))) {
      return SHARD_WRITING;
    }
    return staged.isEmpty() ? STARTUP : PARSING;
  }
}
