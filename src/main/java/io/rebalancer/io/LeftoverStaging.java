package io.rebalancer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs that never finished (killed, out of memory, their machine gone) left in an output
 * folder, dealt with by the next run before it stages anything. It runs with the output folder's
 * lock held, so no staging it finds belongs to a live run; a detached Flink job's staging is the
 * exception (its job outlives the process that staged it) and is left for runners/publish.sh.
 *
 * <p>The warehouse commit decides: a run whose commit happened (the warehouse holds it as
 * SUCCEEDED) is published to the end from its {@link PublishPlan}; any other is removed, and
 * recorded as FAILED so that pipeline_runs says it stopped.
 */
public final class LeftoverStaging {
  private LeftoverStaging() {}

  /** What was done with one leftover staging folder: a line for the run's output. */
  public record Outcome(String runId, String line) {}

  /**
   * Finishes or removes the leftover staging in outputDir. {@code warehouse} is this run's, whose
   * lock the caller holds; a killed run that used another warehouse is judged by that one, under
   * its lock, or left alone while another run holds it.
   */
  public static List<Outcome> recover(Path outputDir, Path warehouse, String byRun,
      Instant now) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : StagingArea.stagedRuns(outputDir)) {
      StagingArea staging = StagingArea.of(outputDir, id);
      RunManifest manifest = manifest(staging);
      if (manifest != null && manifest.detached()) {
        continue; // runners/publish.sh publishes it once its job has finished
      }
      Path theirs = manifest == null ? warehouse
          : manifest.warehouse().toAbsolutePath().normalize();
      outcomes.add(theirs.equals(warehouse.toAbsolutePath().normalize())
          ? recover(staging, manifest, id, theirs, byRun)
          : recoverUnderLock(staging, manifest, id, theirs, byRun, now));
    }
    return outcomes;
  }

  private static Outcome recoverUnderLock(StagingArea staging, RunManifest manifest, String id,
      Path warehouse, String byRun, Instant now) {
    try (RunLock lock = RunLock.take(RunLock.ofWarehouse(warehouse), "warehouse " + warehouse,
        "--warehouse", byRun, now)) {
      return recover(staging, manifest, id, warehouse, byRun);
    } catch (RuntimeException e) {
      return new Outcome(id, "left " + staging.root() + " of run " + id + " as it is: its"
          + " warehouse " + warehouse + " is busy (" + e.getMessage() + ")");
    }
  }

  private static Outcome recover(StagingArea staging, RunManifest manifest, String id,
      Path warehouse, String byRun) {
    if (!Files.exists(warehouse)) {
      return removed(staging, manifest, id); // nothing was ever committed, nor can be recorded
    }
    try (Warehouse w = Warehouse.open(warehouse)) {
      String status = w.runStatus(id);
      PublishPlan plan = PublishPlan.readFrom(staging);
      if (plan != null && RunRecord.SUCCEEDED.equals(status)) {
        return finished(staging, plan, id);
      }
      Outcome outcome = removed(staging, manifest, id);
      if (manifest != null && status == null) {
        w.recordFailure(RunRecord.failed(id, manifest.runDate(), manifest.startedAt(),
            manifest.runner(), manifest.config().toString(), "stopped before it finished"
                + " (killed, or its machine lost); run " + byRun + " removed its staging"));
      }
      return outcome;
    }
  }

  /** The run committed: its renames are finished from its plan. */
  private static Outcome finished(StagingArea staging, PublishPlan plan, String id) {
    try {
      int renamed = plan.apply();
      staging.delete();
      return new Outcome(id, "run " + id + " had committed to the warehouse when it stopped:"
          + " finished publishing it (" + renamed + " file" + (renamed == 1 ? "" : "s")
          + " renamed into place)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish publishing run " + id + " from "
          + staging.root(), e);
    }
  }

  /** The run never committed: its staging is removed. */
  private static Outcome removed(StagingArea staging, RunManifest manifest, String id) {
    staging.delete();
    return new Outcome(id, "run " + id + (manifest == null ? ""
        : " (started " + manifest.startedAt() + ")") + " stopped before it finished: removed its"
        + " staging; nothing of it was published");
  }

  /** The staging's manifest, or null when the run was killed before it was written whole. */
  private static RunManifest manifest(StagingArea staging) {
    try {
      return RunManifest.readFrom(staging);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
