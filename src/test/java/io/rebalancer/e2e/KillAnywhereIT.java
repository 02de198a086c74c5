package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.rebalancer.e2e.KillingLauncher.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at any point of a run, then the same command again. After every kill the warehouse
 * opens, passes its checks and holds the previous state or the whole run; no output file is half
 * written or left from the killed run; and the next run finds the killed run's staging, recovers
 * it, and publishes what an uninterrupted run does, byte for byte.
 *
 * <p>The previous state is a run of the same sample on the same date with other rebalance
 * settings (so its orders and rows differ); each kill starts from a copy of it. Kill points run
 * two at a time (-Dkillharness.workers), each in its own output folder; -Dkillharness.points=REGEX
 * picks kill points by name.
 */
class KillAnywhereIT {
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-11-20");
  private static final int AT_LEAST = 25;

  /** Kept when the test fails: each kill's folder and logs show what it left. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  /** One kill point's result. */
  record Tried(int number, KillPoint point, Outcome killed, KillVerdict verdict, long millis) {}

  @Test
  void aRunKilledAnywhereLeavesTheLastStateOrTheWholeRunAndTheNextRunFinishesIt()
      throws Exception {
    long started = System.nanoTime();
    Path project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
    Path logs = Files.createDirectories(dir.resolve("logs"));
    KillingLauncher launcher = new KillingLauncher(project, logs);
    Path sample = Launcher.copyOfTheSample(project, dir);
    String yaml = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"))
        .replace("sample-data/", sample + "/");
    Path config = Files.writeString(dir.resolve("daily-rebalance.yaml"), yaml);
    String otherSettings = yaml.replace("minTradeValue: 100.00", "minTradeValue: 5000.00")
        .replace("wholeShares: true ", "wholeShares: false");
    assertThat(otherSettings, not(is(yaml)));
    Path previousConfig = Files.writeString(dir.resolve("previous.yaml"), otherSettings);

    Path snapshot = dir.resolve("previous/output");
    Outcome previousRun = launcher.run(new KillPoint.Never(), snapshot, "previous",
        args(previousConfig, snapshot));
    assertThat(previousRun.stdout() + previousRun.stderr(), previousRun.exitCode(), is(0));
    OutputState previous = OutputState.read(snapshot, RUN_DATE);
    // the uninterrupted run starts from the same state as each killed one
    Path referenceOutput = dir.resolve("reference/output");
    copy(snapshot, referenceOutput);
    Outcome reference = launcher.run(new KillPoint.Never(), referenceOutput, "reference",
        args(config, referenceOutput));
    assertThat(reference.stdout() + reference.stderr(), reference.exitCode(), is(0));
    OutputState expected = OutputState.read(referenceOutput, RUN_DATE);
    // a kill must be told apart from its previous state, by the files and by the rows
    assertThat(previous.sameOrders(expected.orders()), is(false));
    assertThat(previous.rows().equals(expected.rows()), is(false));

    List<KillPoint> points = KillPoints.all(reference).stream()
        .filter(p -> p.name().matches(System.getProperty("killharness.points", ".*"))).toList();
    ExecutorService lanes = Executors.newFixedThreadPool(Integer.getInteger("killharness.workers",
        Math.min(2, Runtime.getRuntime().availableProcessors())));
    List<Future<Tried>> futures = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      int number = i + 1;
      KillPoint point = points.get(i);
      futures.add(lanes.submit(() -> tryPoint(number, point, launcher, snapshot, config,
          previous, expected)));
    }
    List<Tried> tried = new ArrayList<>();
    for (Future<Tried> f : futures) {
      tried.add(f.get());
    }
    lanes.shutdown();

    System.out.println(table(tried, (System.nanoTime() - started) / 1_000_000_000));
    System.out.printf("an uninterrupted run took %.1f s; the folders are in %s%n",
        reference.millis() / 1000.0, dir);
    List<String> problems = tried.stream().flatMap(t -> t.verdict().problems.stream()
        .map(p -> "#" + t.number() + " " + t.point().name() + ": " + p)).toList();
    assertThat(String.join("\n", problems), problems, is(empty()));
    if (points.size() == KillPoints.all(reference).size()) {
      Map<RunStage, Integer> perStage = perStage(tried);
      for (RunStage s : RunStage.REQUIRED) {
        assertThat("kills in " + s.label, perStage.getOrDefault(s, 0), greaterThanOrEqualTo(1));
      }
      assertThat(tried.stream().filter(t -> t.killed().killed()).count(),
          greaterThanOrEqualTo((long) AT_LEAST));
    }
  }

  private Tried tryPoint(int number, KillPoint point, KillingLauncher launcher, Path snapshot,
      Path config, OutputState previous, OutputState expected) throws Exception {
    long start = System.nanoTime();
    Path output = dir.resolve("kill-" + number + "/output");
    copy(snapshot, output);
    List<String> args = args(config, output);
    Outcome killed = launcher.run(point.trigger(), output, "kill-" + number, args);
    KillVerdict verdict = new KillVerdict(previous, expected, RUN_DATE);
    RunStage stoppedIn = killed.stoppedIn() != null
        && point.trigger() instanceof KillPoint.AtBreakpoint b ? b.stage() : null;
    verdict.afterKill(killed, output, stoppedIn);
    Outcome next = launcher.run(new KillPoint.Never(), output, "next-" + number, args);
    verdict.afterNextRun(killed, next, output);
    return new Tried(number, point, killed, verdict, (System.nanoTime() - start) / 1_000_000);
  }

  private static List<String> args(Path config, Path output) {
    return List.of("--config=" + config, "--outputDir=" + output, "--runDate=" + RUN_DATE);
  }

  private static Map<RunStage, Integer> perStage(List<Tried> tried) {
    Map<RunStage, Integer> counts = new EnumMap<>(RunStage.class);
    tried.stream().filter(t -> t.killed().killed())
        .forEach(t -> counts.merge(t.verdict().landed, 1, Integer::sum));
    return counts;
  }

  private static String table(List<Tried> tried, long seconds) {
    StringBuilder s = new StringBuilder(String.format("%n%3s  %-40s %-42s %-22s %7s  %-9s %s%n",
        "#", "kill point", "trigger", "landed in", "kill at", "warehouse", "next run"));
    for (Tried t : tried) {
      KillVerdict v = t.verdict();
      s.append(String.format("%3d  %-40s %-42s %-22s %6.1fs  %-9s %s%n", t.number(),
          t.point().name(), t.point().trigger().describe(),
          t.killed().killed() ? v.landed.label : "(not killed)", t.killed().millis() / 1000.0,
          v.committed ? "the run" : "previous",
          v.problems.isEmpty() ? (v.recovered.isEmpty() ? "ok, nothing to recover" : "ok, "
              + v.recovered) : v.problems.size() + " problem(s)"));
    }
    long killed = tried.stream().filter(t -> t.killed().killed()).count();
    s.append(String.format("kill points tried: %d (%d killed) in %d s; per stage:", tried.size(),
        killed, seconds));
    perStage(tried).forEach((stage, n) -> s.append(" ").append(stage.label).append(" ").append(n)
        .append(","));
    s.setLength(s.length() - 1);
    return s.append('\n').toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
