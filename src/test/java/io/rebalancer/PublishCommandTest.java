package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.rebalancer.io.RunManifest;
import io.rebalancer.io.StagingArea;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detached run (what a Flink REST submission is) stages its outputs and publishes nothing;
 * runners/publish.sh's command then publishes exactly what an attached run would have. The
 * detached caller is the real one, on the Direct runner, which blocks until its job is done.
 */
class PublishCommandTest {
  private static final String ORDERS = "trade_orders_20261120.csv";

  @TempDir
  Path dir;

  @Test
  void aDetachedRunStaysStagedUntilPublishPublishesWhatAnAttachedRunDoes() throws Exception {
    Path attached = dir.resolve("attached");
    Path detached = dir.resolve("detached");
    Result a = runCommand(FlinkLaunch.Caller.PLAIN, attached);
    assertThat(a.describe(), a.exit(), is(0));

    Result d = runCommand(FlinkLaunch.Caller.FLINK_CLIENT_DETACHED, detached);
    assertThat(d.describe(), d.exit(), is(0));
    assertThat(d.out(), containsString("runners/publish.sh --outputDir=" + detached));
    List<String> staged = StagingArea.stagedRuns(detached);
    assertThat(staged, hasSize(1));
    StagingArea staging = StagingArea.of(detached, staged.get(0));
    assertThat("the pipeline's last step marks its staging complete", staging.isComplete(),
        is(true));
    assertThat("nothing is published before publish", Files.exists(detached.resolve(ORDERS)),
        is(false));
    assertThat(Files.exists(detached.resolve("warehouse.duckdb")), is(false));

    Result p = publish("--outputDir=" + detached);
    assertThat(p.describe(), p.exit(), is(0));
    assertThat(p.out(), containsString("run " + staged.get(0) + " for 2026-11-20"));
    assertThat(Files.readAllBytes(detached.resolve(ORDERS)),
        equalTo(Files.readAllBytes(attached.resolve(ORDERS))));
    assertThat(Files.exists(staging.path()), is(false));

    Result again = publish("--outputDir=" + detached);
    assertThat(again.describe(), again.exit(), is(1));
    assertThat(again.describe(), again.errLines(), hasSize(1));
    assertThat(again.err(), containsString("holds no staged run to publish"));
  }

  @Test
  void aStagingAreaWithoutTheCompletionMarkerIsRefusedAndKept() throws Exception {
    StagingArea staging = StagingArea.create(dir, "2026-11-20-0badf00d");
    new RunManifest("2026-11-20-0badf00d", LocalDate.parse("2026-11-20"), Instant.now(),
        "FlinkRunner", dir.resolve("config.yaml"), dir, dir.resolve("warehouse.duckdb"),
        true).writeTo(staging);
    Result p = publish("--outputDir=" + dir);
    assertThat(p.describe(), p.exit(), is(1));
    assertThat(p.describe(), p.errLines(), hasSize(1));
    assertThat(p.err(), containsString("run 2026-11-20-0badf00d has not finished"));
    assertThat(p.err(), containsString("no completion marker"));
    assertThat(Files.isDirectory(staging.path()), is(true));
    assertThat(Files.exists(dir.resolve("warehouse.duckdb")), is(false));
  }

  @Test
  void withSeveralStagedRunsPublishAsksForOne() throws Exception {
    StagingArea.create(dir, "2026-11-19-aaaaaaaa");
    StagingArea.create(dir, "2026-11-20-bbbbbbbb");
    Result p = publish("--outputDir=" + dir);
    assertThat(p.describe(), p.errLines(), hasSize(1));
    assertThat(p.err(), containsString("holds 2 staged runs (2026-11-19-aaaaaaaa,"
        + " 2026-11-20-bbbbbbbb): name one with --runId=ID"));

    Result unknown = publish("--outputDir=" + dir, "--runId=2026-11-21-cccccccc");
    assertThat(unknown.describe(), unknown.exit(), is(1));
    assertThat(unknown.err(), containsString("no run 2026-11-21-cccccccc is staged in " + dir));

    Result typo = publish("--outputDirr=" + dir);
    assertThat(typo.describe(), typo.exit(), is(1));
    assertThat(typo.err(), containsString("publish: unknown option --outputDirr="));
  }

  private record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    String describe() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Result runCommand(FlinkLaunch.Caller caller, Path output) {
    return capture((out, err) -> new RunCommand(out, err, caller).run(new String[] {
        "--config=pipelines/daily-rebalance.yaml", "--runDate=2026-11-20",
        "--outputDir=" + output, "--runner=DirectRunner"}));
  }

  private Result publish(String... args) {
    return capture((out, err) -> new PublishCommand(out, err).run(args));
  }

  private interface Command {
    int run(PrintStream out, PrintStream err);
  }

  private static Result capture(Command command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
