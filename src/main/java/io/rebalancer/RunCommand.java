package io.rebalancer;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.InputException;
import io.rebalancer.io.LeftoverStaging;
import io.rebalancer.io.Publisher;
import io.rebalancer.io.RunManifest;
import io.rebalancer.io.RunLock;
import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.Warehouse;
import io.rebalancer.logging.RunLog;
import io.rebalancer.logging.RunProgress;
import io.rebalancer.transforms.RunMetrics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * What a launcher runs: parse options, validate the config, run the pipeline, publish its outputs,
 * print a summary. A failure is one line on stderr naming what failed (stack trace with
 * --verbose), a non-zero exit, nothing published, and a FAILED row in pipeline_runs.
 */
public final class RunCommand {
  private final PrintStream out;
  private final PrintStream err;
  private final FlinkLaunch.Caller caller;
  /** The error line of the last failed run, for a Flink client to report. */
  private String failure;

  /**
   * The launchers' entry point, and the bundled jar's (its manifest names it). A launcher's JVM
   * is main's own, so main exits with the run's status. Under Flink's client (`flink run`) or
   * the REST API / web UI the JVM is Flink's (for the REST API, the JobManager itself), and
   * exiting would end it: there main returns, or throws the run's error line, which Flink
   * reports as the program's failure.
   */
  public static void main(String[] args) {
    FlinkLaunch.Caller caller = FlinkLaunch.caller();
    RunCommand command = new RunCommand(System.out, System.err, caller);
    int status = command.run(args);
    if (!caller.isFlinkClient()) {
      System.exit(status);
    }
    if (status != 0) {
      throw new Failed(command.failure);
    }
  }

  /** A failed run, as Flink's client reports it: the one line the launchers print. */
  public static final class Failed extends RuntimeException {
    Failed(String line) {
      super(line);
    }
  }

  public RunCommand(PrintStream out, PrintStream err) {
    this(out, err, FlinkLaunch.Caller.PLAIN);
  }

  RunCommand(PrintStream out, PrintStream err, FlinkLaunch.Caller caller) {
    this.out = out;
    this.err = err;
    this.caller = caller;
  }

  public int run(String[] args) {
    if (caller.isFlinkClient() && Arrays.stream(args).noneMatch(a -> a.startsWith("--runner="))) {
      args = withFirst("--runner=FlinkRunner", args); // under Flink's client, run on its cluster
    }
    try {
      OptionalInt helped = help(args);
      if (helped.isPresent()) {
        return helped.getAsInt();
      }
    } catch (RuntimeException e) {
      return fail(e, false);
    }
    boolean verbose = Arrays.asList(args).contains("--verbose")
        || Arrays.asList(args).contains("--verbose=true");
    Instant started = Instant.now();
    RebalanceOptions options;
    try {
      options = OptionParsing.parse(args);
      if (options.getRunner().getSimpleName().contains("Flink")) {
        FlinkLaunch.prepareEmbedded(options);
      }
      if (caller == FlinkLaunch.Caller.FLINK_CLIENT_DETACHED) {
        FlinkLaunch.detach(options);
      }
    } catch (RuntimeException e) {
      return fail(e, verbose); // no options, so no warehouse to log the failure in
    }
    Path outputDir = Path.of(options.getOutputDir()).toAbsolutePath();
    Path warehouse = options.getWarehouse() == null ? outputDir.resolve("warehouse.duckdb")
        : Path.of(options.getWarehouse()).toAbsolutePath();
    String runner = options.getRunner().getSimpleName();
    LocalDate runDate = null;
    RunRecord start = RunRecord.failed(UUID.randomUUID().toString().substring(0, 8), null,
        started, runner, Path.of(options.getConfig()).toAbsolutePath().toString(), null);
    StagingArea staging = null;
    boolean keepStaging = false;
    RunLog log = null;
    RunLocks locks = null;
    try {
      log = RunLog.start(options.getLogLevel());
      if (options.getKeyBuckets() < 1) {
        throw new InputException("--keyBuckets must be at least 1");
      }
      // A config that fails to load is logged under --runDate, else today.
      LocalDate given = runDate(options.getRunDate());
      String runId = start.runId();
      runDate = given != null ? given : LocalDate.now();
      start = RunRecord.failed(runDate + "-" + runId, runDate, started, runner, start.config(),
          null);
      PipelineConfig config = ConfigLoader.load(Path.of(options.getConfig()));
      if (given == null && config.runDate() != null) {
        runDate = config.runDate(); // the date the config pins
        start = RunRecord.failed(runDate + "-" + runId, runDate, started, runner,
            start.config(), null);
      }
      Path logFile = log.writeTo(RunLog.fileFor(outputDir, start.runId()));
      log.started("run " + start.runId() + " on " + runner + ": " + String.join(" ", args));
      locks = RunLocks.take(outputDir, warehouse, start.runId(), started);
      RunProgress progress = RunProgress.since(started);
      progress.log("run " + start.runId() + " started"
          + (logFile == null ? "" : "; log: " + logFile));
      for (LeftoverStaging.Outcome o : LeftoverStaging.recover(outputDir, warehouse,
          start.runId(), started)) {
        progress.log("recovered: " + o.line());
      }
      staging = OutputFolder.stagingIn(outputDir, start.runId());
      new RunManifest(start.runId(), runDate, started, runner, Path.of(start.config()),
          outputDir, warehouse, caller == FlinkLaunch.Caller.FLINK_CLIENT_DETACHED)
          .writeTo(staging);
      options.setJobName(config.name() + "-" + runDate);
      Pipeline p = Pipeline.create(options);
      RebalancePipeline.build(p, config, runDate, staging, options.getKeyBuckets(), progress);
      long pipelineStart = System.nanoTime();
      PipelineResult result = p.run();
      if (caller == FlinkLaunch.Caller.FLINK_CLIENT_DETACHED) {
        keepStaging = true; // no one here waits for the job: runners/publish.sh publishes it
        reportDetached(config, start, staging, outputDir);
        return 0;
      }
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended " + state);
      }
      Map<String, Long> metrics = RunMetrics.of(result);
      long publishStart = System.nanoTime();
      Publisher.Published published = new Publisher(config, runDate, staging)
          .publish(outputDir, warehouse, start);
      new SummaryLines(out).print(config, published, runner,
          Duration.between(started, Instant.now()));
      out.println("  " + RunMetrics.line(metrics)); // the job's Beam counters
      // The phases this process times itself; runners/benchmark.sh reads this line.
      out.printf("  timings: pipeline %.1f s, publish (warehouse load, checks, rename) %.1f s%n",
          (publishStart - pipelineStart) / 1e9, (System.nanoTime() - publishStart) / 1e9);
      return 0;
    } catch (RuntimeException e) {
      // first: on a full disk the staging's space is what the FAILED row and the log need
      removeStaging(staging);
      staging = null;
      recordFailure(warehouse, start, e);
      if (log != null) {
        log.failed(RunLog.fileFor(outputDir, start.runId()), Failures.oneLine(e), e);
      }
      return fail(e, verbose);
    } finally {
      if (!keepStaging) {
        removeStaging(staging);
      }
      if (locks != null) {
        locks.close(); // last: until the staging is gone, it is this run's
      }
      if (log != null) {
        log.close();
      }
    }
  }

  /**
   * --help or -h: the options of the runner given (the Direct runner's by default);
   * --help=NAME: one options interface, as Beam prints it. Empty when neither is asked for.
   */
  private OptionalInt help(String[] args) {
    List<String> given = Arrays.asList(args);
    String runner = given.stream().filter(a -> a.startsWith("--runner=")).findFirst()
        .map(a -> a.substring("--runner=".length())).orElse("DirectRunner");
    if (given.contains("--help") || given.contains("-h") || given.contains("--help=true")) {
      out.print(LauncherHelp.forRunCommand(runner));
      return OptionalInt.of(0);
    }
    for (String arg : args) {
      if (arg.startsWith("--help=")) {
        String name = arg.substring("--help=".length());
        var options = OptionsHelp.find(name);
        if (options.isEmpty()) {
          err.println("error: --help=" + name + ": no options interface of that name (known: "
              + String.join(", ", OptionsHelp.interfaces().keySet()) + ")");
          return OptionalInt.of(1);
        }
        out.print(OptionsHelp.beamHelp(options.get()));
        return OptionalInt.of(0);
      }
    }
    return OptionalInt.empty();
  }

  private static String[] withFirst(String arg, String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = arg;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  private void reportDetached(PipelineConfig config, RunRecord run, StagingArea staging,
      Path outputDir) {
    out.printf("%s: run %s for %s submitted to Flink, detached%n", config.name(), run.runId(),
        run.runDate());
    out.printf("  staged in %s; once the job has finished, publish it with%n", staging.root());
    out.printf("  runners/publish.sh --outputDir=%s --runId=%s%n", outputDir, run.runId());
  }

  /** Staging is scratch: failing to remove it must not hide how the run ended. */
  void removeStaging(StagingArea staging) {
    if (staging == null) {
      return;
    }
    try {
      staging.delete();
    } catch (RuntimeException e) {
      err.println("warning: could not remove " + staging.root() + ": " + Failures.oneLine(e));
    }
  }

  /** --runDate, or null when it is not given (then the config's `runDate:`, else today). */
  private static LocalDate runDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InputException("--runDate: '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  /**
   * Records a FAILED row, under the warehouse's lock: this run's, or taken for the moment when
   * the run failed before it took it. A warehouse another run holds is left alone: that run's
   * load must not find it busy.
   */
  void recordFailure(Path warehouse, RunRecord start, RuntimeException e) {
    RunRecord failed = RunRecord.failed(start.runId(), start.runDate(), start.startedAt(),
        start.runner(), start.config(), Failures.oneLine(e));
    RunLock taken = null;
    try {
      if (!RunLock.isHeldHere(RunLock.ofWarehouse(warehouse))) {
        taken = RunLock.take(RunLock.ofWarehouse(warehouse), "warehouse " + warehouse,
            "--warehouse", start.runId(), start.startedAt());
      }
      try (Warehouse w = Warehouse.open(warehouse)) {
        w.recordFailure(failed);
      }
    } catch (RuntimeException ignored) {
      // the warehouse itself may be what failed (say, held by another writer)
    } finally {
      if (taken != null) {
        taken.close();
      }
    }
  }

  int fail(RuntimeException e, boolean verbose) {
    failure = Failures.oneLine(e);
    err.println("error: " + failure);
    if (verbose) {
      e.printStackTrace(err);
    }
    return 1;
  }
}
