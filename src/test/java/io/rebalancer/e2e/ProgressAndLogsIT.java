package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.rebalancer.io.QualityChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh on the sample, as a user watches it: a progress line per stage on stdout, the
 * job's counters in the summary, a log file per run (failed runs too), and --logLevel.
 */
class ProgressAndLogsIT {
  private static final Pattern PROGRESS = Pattern.compile("\\[ *(\\d+\\.\\d) s\\] (.*)");
  private static final Pattern RUN_ID = Pattern.compile("daily-rebalance: run (\\S+) for ");
  private static Path project;

  @TempDir Path dir;
  private Path output;
  private Launcher launcher;

  @BeforeAll
  static void launcherIsBuilt() throws IOException {
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
  }

  @BeforeEach
  void folders() throws IOException {
    output = dir.resolve("output");
    launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
  }

  @Test
  void aRunSaysEachStageAsItCompletesAndLogsItInItsFile() throws Exception {
    Launcher.Run run = direct("--runDate=2026-11-20");

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.describe(), run.stderrLines(), is(empty()));
    long orders = Files.readAllLines(output.resolve("trade_orders_20261120.csv")).size() - 1;
    List<String> stages = progress(run.stdout());
    // pipeline stages (in the order their stages finish), then the client's steps, in this order
    assertThat(stages.get(0), startsWith("run 2026-11-20-"));
    String staged = stages.stream().filter(s -> s.matches("\\d+ warehouse rows staged"))
        .findFirst().orElseThrow();
    assertThat(stages.subList(1, 6).stream().sorted().toList(), is(Stream.of(
        "69 rows read", "6 accounts analysed", "1 households rebalanced",
        orders + " orders written", staged).sorted().toList()));
    assertThat(stages.subList(6, stages.size()), is(List.of(
        "warehouse rows loaded (not yet committed)",
        QualityChecks.names().size() + " data-quality checks passed",
        "published trade_orders_20261120.csv, report_20261120.html and the warehouse")));
    // each line's time is the time since the run started, as it was logged
    assertThat(seconds(run.stdout()), is(seconds(run.stdout()).stream().sorted().toList()));
    // progress first, then the summary as it always was, with the job's counters
    List<String> lines = Arrays.asList(run.stdout().split("\n"));
    assertThat(lines.get(stages.size()), startsWith("daily-rebalance: run "));
    assertThat(lines, hasItem("  metrics: rows_read 69, rows_rejected 0,"
        + " holdings 16, accounts 6, households 1, orders " + orders + ", unplaced_trades 0"));

    Path log = output.resolve("logs").resolve(runId(run.stdout()) + ".log");
    assertThat(stages.get(0), is("run " + runId(run.stdout()) + " started; log: " + log));
    String text = Files.readString(log);
    for (String stage : stages) {
      assertThat(text, containsString("] " + stage + "\n"));
    }
    assertThat(text, containsString("io.rebalancer.run: run " + runId(run.stdout())
        + " on DirectRunner: "));
  }

  @Test
  void warnLevelKeepsOnlyTheSummary() throws Exception {
    Launcher.Run run = direct("--runDate=2026-11-20", "--logLevel=WARN");

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), startsWith("daily-rebalance: run "));
    assertThat(progress(run.stdout()), is(empty()));
    assertThat(run.stdout(), containsString("  metrics: rows_read 69,"));
    assertThat(run.stderrLines(), is(empty()));
  }

  @Test
  void aFailedRunIsOneLineOnStderrAndItsStackTraceIsInItsLogFile() throws Exception {
    Path source = Files.writeString(dir.resolve("positions.csv"), """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,274.61,US_EQUITY
        A1,BND,ten,74.12,US_BOND
        """);
    Path accounts = Files.writeString(dir.resolve("accounts.csv"), """
        brokerage_id,account_id,household_id,model_id,cash_reserve
        BAD_QUANTITY_BROKER,A1,H1,balanced-60-40,0
        """);
    Path config = Files.writeString(dir.resolve("bad-quantity.yaml"), """
        name: bad-quantity
        sources:
          - id: BAD_QUANTITY_BROKER
            uri: %s
            format: canonical
        accounts: %s
        models: sample-data/models.csv
        prices: sample-data/prices.csv
        """.formatted(source, accounts));

    Launcher.Run run = direct("--config=" + config, "--runDate=2026-11-20");

    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.describe(), run.stderrLines(), hasSize(1));
    String error = run.stderrLines().get(0);
    assertThat(error, startsWith("error: source BAD_QUANTITY_BROKER: 1 rejected row(s)"));
    // the pipeline ran before the publisher refused its output: its stages said so
    assertThat(progress(run.stdout()), hasItem("3 rows read"));
    List<Path> logs = files(output.resolve("logs"));
    assertThat(logs, hasSize(1));
    String text = Files.readString(logs.get(0));
    assertThat(text, containsString("ERROR [main] io.rebalancer.run: run failed: "
        + error.substring("error: ".length()) + "\n"));
    assertThat(text, containsString("\n\tat io.rebalancer."));
  }

  @Test
  void anUnknownLevelIsOneLineNamingTheOption() throws Exception {
    Launcher.Run run = direct("--runDate=2026-11-20", "--logLevel=loud");

    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.stderrLines(), is(List.of("error: --logLevel: 'loud' is not a level (one of"
        + " ERROR, WARN, INFO, DEBUG, TRACE)")));
  }

  private Launcher.Run direct(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--outputDir=" + output));
    all.addAll(Arrays.asList(args));
    return launcher.run("direct.sh", all.toArray(String[]::new));
  }

  /** The progress lines' texts, in order. */
  private static List<String> progress(String stdout) {
    List<String> stages = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      Matcher m = PROGRESS.matcher(line);
      if (m.matches()) {
        stages.add(m.group(2));
      }
    }
    return stages;
  }

  private static List<Double> seconds(String stdout) {
    List<Double> times = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      Matcher m = PROGRESS.matcher(line);
      if (m.matches()) {
        times.add(Double.parseDouble(m.group(1)));
      }
    }
    return times;
  }

  private static String runId(String stdout) {
    Matcher m = RUN_ID.matcher(stdout);
    assertThat(stdout, m.find(), is(true));
    return m.group(1);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (var list = Files.list(folder)) {
      return list.toList();
    }
  }
}
