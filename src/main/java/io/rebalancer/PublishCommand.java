package io.rebalancer;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.InputException;
import io.rebalancer.io.Publisher;
import io.rebalancer.io.RunManifest;
import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagingArea;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * runners/publish.sh: publishes a run that a detached Flink submission (the REST API, the web UI,
 * `flink run -d`) left staged, once its job has finished: the same checks, warehouse load and
 * renames as an attached run's end, from the staging area's manifest. A staging area without the
 * pipeline's completion marker is refused: its job is still running, or failed.
 */
public final class PublishCommand {
  static final String USAGE = "usage: runners/publish.sh [--outputDir=DIR] [--runId=ID]"
      + " [--warehouse=FILE] [--verbose]";

  private final PrintStream out;
  private final RunCommand lines; // the summary and error lines a run prints

  PublishCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.lines = new RunCommand(out, err);
  }

  public static void main(String[] args) {
    System.exit(new PublishCommand(System.out, System.err).run(args));
  }

  int run(String[] args) {
    String outputDir = "output";
    String runId = null;
    String warehouse = null;
    boolean verbose = false;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.startsWith("--outputDir=")) {
        outputDir = value;
      } else if (arg.startsWith("--runId=")) {
        runId = value;
      } else if (arg.startsWith("--warehouse=")) {
        warehouse = value;
      } else if (arg.equals("--verbose") || arg.equals("--verbose=true")) {
        verbose = true;
      } else {
        return lines.fail(new InputException("publish: unknown option " + arg + " ("
            + USAGE.substring("usage: ".length()) + ")"), false);
      }
    }
    Path dir = Path.of(outputDir).toAbsolutePath().normalize();
    StagingArea staging;
    RunManifest manifest;
    try {
      staging = StagingArea.of(dir, runId != null ? runId : onlyStagedRun(dir));
      if (!Files.isDirectory(staging.path())) {
        List<String> runs = StagingArea.stagedRuns(dir);
        throw new InputException("no run " + runId + " is staged in " + dir + " (staged: "
            + (runs.isEmpty() ? "none" : String.join(", ", runs)) + ")");
      }
      manifest = RunManifest.readFrom(staging);
      if (!staging.isComplete()) {
        throw new InputException("run " + manifest.runId() + " has not finished (its job is"
            + " still running, or failed): " + staging.root() + " has no completion marker;"
            + " publish it once the job is FINISHED");
      }
    } catch (RuntimeException e) {
      return lines.fail(e, verbose); // nothing of the run's is touched
    }
    return publish(staging, manifest,
        warehouse != null ? Path.of(warehouse).toAbsolutePath() : manifest.warehouse(), verbose);
  }

  private int publish(StagingArea staging, RunManifest m, Path warehouse, boolean verbose) {
    Instant started = Instant.now();
    RunRecord run = RunRecord.failed(m.runId(), m.runDate(), m.startedAt(), m.runner(),
        m.config().toString(), null);
    RunLocks locks;
    try {
      locks = RunLocks.take(m.outputDir(), warehouse, m.runId(), started);
    } catch (RuntimeException e) {
      return lines.fail(e, verbose); // another run holds them: the staging stays as it is
    }
    try (locks) {
      PipelineConfig config = ConfigLoader.load(m.config());
      Publisher.Published published = new Publisher(config, m.runDate(), staging)
          .publish(m.outputDir(), warehouse, run);
      new SummaryLines(out).print(config, published, m.runner(),
          Duration.between(started, Instant.now()));
      lines.removeStaging(staging);
      return 0;
    } catch (InputException e) {
      // The run's own outputs failed a check: publishing again would fail the same way.
      lines.recordFailure(warehouse, run, e);
      lines.removeStaging(staging);
      return lines.fail(e, verbose);
    } catch (RuntimeException e) {
      // Anything else (a warehouse another process holds, a full disk) may pass on a retry.
      lines.recordFailure(warehouse, run, e);
      int status = lines.fail(e, verbose);
      out.println("  the run stays staged in " + staging.root() + " to publish again");
      return status;
    }
  }

  /** With no --runId, the output folder must hold exactly one staged run. */
  private static String onlyStagedRun(Path dir) {
    List<String> runs = StagingArea.stagedRuns(dir);
    if (runs.isEmpty()) {
      throw new InputException(dir + " holds no staged run to publish (a detached run stages"
          + " into its --outputDir; a published or failed one is removed)");
    }
    if (runs.size() > 1) {
      throw new InputException(dir + " holds " + runs.size() + " staged runs ("
          + String.join(", ", runs) + "): name one with --runId=ID");
    }
    return runs.get(0);
  }
}
