package io.rebalancer.e2e;

import io.rebalancer.e2e.KillingLauncher.Line;
import io.rebalancer.e2e.KillingLauncher.Outcome;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges an output folder after a kill, then after the run that followed it, against the state
 * before the killed run (previous) and an uninterrupted run of the same command (reference).
 * Every problem found is kept, so that one report names them all.
 */
final class KillVerdict {
  private final OutputState previous;
  private final OutputState reference;
  private final LocalDate runDate;
  final List<String> problems = new ArrayList<>();
  RunStage landed;
  boolean committed;
  List<String> leftStaging = List.of();
  /** Whether the staging the kill left held the run's manifest (run.properties). */
  boolean leftManifest;
  String recovered = "";

  KillVerdict(OutputState previous, OutputState reference, LocalDate runDate) {
    this.previous = previous;
    this.reference = reference;
    this.runDate = runDate;
  }

  /** The folder just after the kill: the previous state, or the whole run, and nothing else. */
  void afterKill(Outcome killed, Path output, RunStage stoppedIn) {
    if (!killed.killed()) {
      problems.add("not killed: the run exited " + killed.exitCode() + " first"
          + (killed.stderr().isEmpty() ? "" : ": " + killed.stderr().get(0)));
    }
    String runId = runId(killed);
    Path warehouse = output.resolve("warehouse.duckdb");
    try {
      committed = runId != null && "SUCCEEDED".equals(
          OutputState.runs(warehouse).getOrDefault(runId, List.of("")).get(0));
      OutputState.checksPass(warehouse, runDate);
      OutputState now = OutputState.read(output, runDate);
      judgeAfterKill(now, runId);
    } catch (Exception e) {
      problems.add("after the kill, the warehouse: " + oneLine(e));
    }
    leftStaging = KillingLauncher.files(output).stream()
        .filter(f -> f.startsWith(".staging-") && f.indexOf('/') < 0)
        .map(f -> f.substring(".staging-".length())).toList();
    leftManifest = killed.filesAtKill().stream()
        .anyMatch(f -> f.matches("\\.staging-[^/]+/run\\.properties"));
    landed = RunStage.landed(killed.lines().stream().map(Line::text).toList(),
        killed.filesAtKill(), committed, stoppedIn);
    if (killed.killed() && landed != RunStage.STARTUP
        && !Path.of(killed.killedCommand()).getFileName().toString().equals("java")) {
      problems.add("the kill went to " + killed.killedCommand() + ", not to the run's JVM");
    }
  }

  private void judgeAfterKill(OutputState now, String runId) {
    if (committed ? !now.rows().equals(reference.rows()) : !now.rows().equals(previous.rows())) {
      problems.add("after the kill, the warehouse holds "
          + (now.rows().equals(reference.rows()) ? "the run's rows but not the run as SUCCEEDED"
              : now.rows().equals(previous.rows()) ? "the run as SUCCEEDED but the previous rows"
              : "neither the previous state nor the complete run"));
    }
    if (!now.sameOrders(previous.orders()) && !(committed && now.sameOrders(reference.orders()))) {
      problems.add("after the kill, the trade-orders file is neither the previous one"
          + (committed ? " nor the run's" : ""));
    }
    if (!Objects.equals(now.report(), previous.report())
        && !(committed && now.sameReportBut(runId, reference.report()))) {
      problems.add("after the kill, the report is neither the previous one"
          + (committed ? " nor the run's whole report" : ""));
    }
    if (!Arrays.equals(now.rejected(), previous.rejected())
        && !(committed && Arrays.equals(now.rejected(), reference.rejected()))) {
      problems.add("after the kill, the rejected-rows file is neither the previous one"
          + (committed ? " nor the run's" : ""));
    }
    Set<String> extra = new TreeSet<>(now.names());
    extra.removeAll(previous.names());
    extra.remove("warehouse.duckdb.wal"); // DuckDB's log of a transaction the kill cut short
    if (!extra.isEmpty() || !now.names().containsAll(previous.names())) {
      problems.add("after the kill, the output folder holds " + now.names() + ", not "
          + previous.names());
    }
  }

  /** The folder after the next run: the reference's outputs, the killed run recovered. */
  void afterNextRun(Outcome killed, Outcome next, Path output) {
    if (next.exitCode() != 0) {
      problems.add("the next run exited " + next.exitCode()
          + (next.stderr().isEmpty() ? "" : ": " + next.stderr().get(0)));
    }
    List<String> lines = next.lines().stream().map(Line::text)
        .filter(t -> t.startsWith("recovered:") || t.contains("] recovered:")).toList();
    recovered = String.join("; ", lines);
    for (String id : leftStaging) {
      if (lines.stream().noneMatch(l -> l.contains(id))) {
        problems.add("the next run printed no \"recovered:\" line naming " + id);
      }
    }
    if (leftStaging.isEmpty() && !lines.isEmpty()) {
      problems.add("the next run recovered a run that left no staging: " + recovered);
    }
    List<String> files = KillingLauncher.files(output);
    if (files.stream().anyMatch(f -> f.startsWith(".staging-") || f.endsWith(".tmp"))) {
      problems.add("after the next run, left over: " + files.stream()
          .filter(f -> f.startsWith(".staging-") && f.indexOf('/') < 0 || f.endsWith(".tmp"))
          .toList());
    }
    Path warehouse = output.resolve("warehouse.duckdb");
    try {
      OutputState.checksPass(warehouse, runDate);
      judgeAfterNextRun(OutputState.read(output, runDate), next.runId());
      judgeRuns(OutputState.runs(warehouse), runId(killed), next.runId());
      List<String> held = OutputState.locksHeld(output);
      if (!held.isEmpty()) {
        problems.add("after the next run, locks still held: " + held);
      }
    } catch (Exception e) {
      problems.add("after the next run, the warehouse: " + oneLine(e));
    }
  }

  private void judgeAfterNextRun(OutputState now, String runId) {
    if (!now.sameOrders(reference.orders())) {
      problems.add("after the next run, the trade-orders file differs from an uninterrupted"
          + " run's");
    }
    if (runId == null || !now.sameReportBut(runId, reference.report())) {
      problems.add("after the next run, the report is not an uninterrupted run's");
    }
    if (!Arrays.equals(now.rejected(), reference.rejected())) {
      problems.add("after the next run, the rejected-rows file differs");
    }
    if (!now.rows().equals(reference.rows())) {
      problems.add("after the next run, the warehouse rows differ from an uninterrupted run's");
    }
    if (!now.names().equals(reference.names())) {
      problems.add("after the next run, the output folder holds " + now.names() + ", not "
          + reference.names());
    }
  }

  /**
   * The killed run is SUCCEEDED if it committed, FAILED if it left staging (absent too when the
   * staging lacked its run.properties: LeftoverStaging then has no date to record), else absent.
   */
  private void judgeRuns(Map<String, List<Object>> runs, String killedId, String nextId) {
    if (nextId == null || !"SUCCEEDED".equals(runs.getOrDefault(nextId, List.of("")).get(0))) {
      problems.add("the next run " + nextId + " is not SUCCEEDED in pipeline_runs");
    }
    if (killedId == null) {
      return;
    }
    List<Object> killed = runs.get(killedId);
    String expected = committed ? "SUCCEEDED" : leftStaging.contains(killedId) ? "FAILED" : null;
    String status = killed == null ? null : (String) killed.get(0);
    if (status == null && "FAILED".equals(expected) && !leftManifest) {
      return; // killed before its staging held run.properties: nothing says its date or start
    }
    if (!Objects.equals(status, expected)) {
      problems.add("the killed run " + killedId + " is " + status + " in pipeline_runs, not "
          + expected);
    } else if ("FAILED".equals(expected) && killed.get(1) == null) {
      problems.add("the killed run " + killedId + " is FAILED with no error");
    }
  }

  /** The killed run's id: from its first line, else from the staging folder it left. */
  private static String runId(Outcome killed) {
    if (killed.runId() != null) {
      return killed.runId();
    }
    return killed.filesAtKill().stream().filter(f -> f.startsWith(".staging-")
        && f.indexOf('/') < 0).map(f -> f.substring(".staging-".length())).findFirst()
        .orElse(null);
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return e.getClass().getSimpleName() + ": " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m);
  }
}
