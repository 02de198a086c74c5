package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rebalancer.bench.SyntheticBook;
import io.rebalancer.io.QualityChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh with its output folder on a file system of a few MB (a tmpfs this test
 * mounts, so it runs as root, as CI does) that fills while the run writes: its trade-order
 * shards, their merge into the one orders file, the warehouse load. Each time the run fails with
 * one line naming the full folder (or warehouse) and the step, the previous run's outputs and
 * warehouse stay as they were, nothing of the failed run is left, and once the space is freed the
 * same run succeeds with the same orders.
 *
 * <p>Each fill is placed, not hoped for: {@link DiskFiller} stops the run's JVM the moment the
 * step's first file appears, fills the file system to its last page and lets the run go on, so
 * the step's next write is the one refused; the error line names the step it hit.
 */
class FullDiskIT {
  private static final String RUN_DATE = "2026-11-20";
  private static final String ORDERS = "trade_orders_20261120.csv";
  private static final String REPORT = "report_20261120.html";
  private static final String WAREHOUSE = "warehouse.duckdb";
  /** Big enough that the merge of the orders file lasts far longer than the filler's reaction. */
  private static final int ACCOUNTS = 1000;
  /** Holds a run's outputs and its peak staging beside the previous run's outputs. */
  private static final String SIZE = "28m";

  @TempDir static Path dir;
  private static Path project;
  private static Launcher launcher;
  private static Path config;
  private static Path mount;
  private static boolean mounted;
  private static Path output;
  private static byte[] referenceOrders;
  private static long referenceReportSize;
  /** Room for the publish plan and the log's last lines; the commit's log needs megabytes. */
  private static final long REPORT_MARGIN = 128 << 10;

  @BeforeAll
  static void aSmallFileSystemWithAPreviousRunOnIt() throws Exception {
    String uid = command("id", "-u").strip();
    if (!uid.equals("0")) {
      fail("FullDiskIT mounts a tmpfs of " + SIZE + " and so needs root (CI runs as root);"
          + " this JVM runs as uid " + uid);
    }
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
    launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
    config = SyntheticBook.write(dir.resolve("book"), ACCOUNTS, 42, LocalDate.parse(RUN_DATE));
    // the orders every successful run must write, from an ordinary folder
    Path reference = dir.resolve("reference");
    Launcher.Run ref = direct(reference);
    assertThat(ref.describe(), ref.exitCode(), is(0));
    referenceOrders = Files.readAllBytes(reference.resolve(ORDERS));
    referenceReportSize = Files.size(reference.resolve(REPORT));

    mount = Files.createDirectories(dir.resolve("small"));
    command("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", mount.toString());
    mounted = true;
    output = mount.resolve("out");
    Launcher.Run first = direct(output);
    assertThat(first.describe(), first.exitCode(), is(0));
    assertArrayEquals(referenceOrders, Files.readAllBytes(output.resolve(ORDERS)));
  }

  @AfterAll
  static void unmount() throws Exception {
    if (mounted) {
      try {
        command("umount", mount.toString());
      } catch (AssertionError busy) {
        command("umount", "-l", mount.toString()); // detach now; the kernel frees it when idle
      }
    }
  }

  @Test
  void aDiskThatFillsWhileTheShardsAreWrittenFailsTheRunAndKeepsThePreviousOutputs()
      throws Exception {
    fillsDuring(DiskFiller.Trigger.staged("order-runs"), "the file system of output folder " + output + " is full (No space"
        + " left on device) while writing the trade-order shards: free space there or pass"
        + " --outputDir on a larger one");
  }

  @Test
  void aDiskThatFillsWhileTheShardsAreMergedFailsTheRunAndKeepsThePreviousOutputs()
      throws Exception {
    fillsDuring(DiskFiller.Trigger.stagedTemporary(ORDERS), "the file system of output folder " + output + " is full (No"
        + " space left on device) while writing the merged trade-orders file " + ORDERS
        + ": free space there or pass --outputDir on a larger one");
  }

  @Test
  void aDiskThatFillsWhileTheWarehouseLoadsFailsTheRunAndLeavesTheWarehouseAsItWas()
      throws Exception {
    // The load's rows reach the disk at its commit (DuckDB logs a transaction when it
    // commits); before it, inside the transaction, the report is written into the staging. So
    // the disk is filled once the checks have passed, to all but room for the report (its size
    // in the reference run, the same inputs) and a margin, which the commit's log overflows.
    long room = referenceReportSize + REPORT_MARGIN;
    fillsDuring(DiskFiller.Trigger.logged(output, "data-quality checks passed"), room,
        "the file system of warehouse " + output.resolve(WAREHOUSE)
        + " is full (No space left on device) while loading the run: free space there or pass"
        + " --warehouse on a larger one; the warehouse is unchanged");
  }

  /** Fills the disk when trigger is reached; checks the failure, frees the space, reruns. */
  private void fillsDuring(DiskFiller.Trigger trigger, String error) throws Exception {
    fillsDuring(trigger, 0, error);
  }

  /** As above, leaving room bytes free (rounded to the file system's pages). */
  private void fillsDuring(DiskFiller.Trigger trigger, long room, String error)
      throws Exception {
    byte[] orders = Files.readAllBytes(output.resolve(ORDERS));
    byte[] report = Files.readAllBytes(output.resolve(REPORT));
    Map<String, List<String>> rows = Launcher.warehouseContents(output.resolve(WAREHOUSE));
    List<List<Object>> runs = runs();
    Path ballast = mount.resolve("ballast"); // beside the output folder, on its file system

    Launcher.Run failed;
    try (DiskFiller filler = DiskFiller.when(output, trigger, ballast, room)) {
      failed = direct(output);
      assertTrue(filler.filled(), "the run ended before the moment to fill the disk came:\n"
          + failed.describe());
    }
    assertThat(failed.describe(), failed.exitCode(), not(0));
    assertThat(failed.describe(), failed.stderrLines(), hasSize(1));
    assertThat(failed.stderrLines().get(0), is("error: " + error));

    // the previous run's outputs, byte for byte, and its warehouse, which passes its checks
    assertArrayEquals(orders, Files.readAllBytes(output.resolve(ORDERS)), ORDERS);
    assertArrayEquals(report, Files.readAllBytes(output.resolve(REPORT)), REPORT);
    assertThat(Launcher.warehouseContents(output.resolve(WAREHOUSE)), is(rows));
    assertThat(passedChecks(), greaterThan(0));
    // ... and at most the failed run's FAILED row. The run removes its staging before it
    // records the row, which usually gives the row room; but the Direct runner's other worker
    // threads may still be writing when the run fails (seen once in CI, shard case), and a row
    // the full disk refuses is not recorded: the run's error line and its log say it failed.
    List<List<Object>> after = runs();
    assertThat(after.subList(0, runs.size()), is(runs));
    assertThat(after.size(), either(is(runs.size())).or(is(runs.size() + 1)));
    if (after.size() > runs.size()) {
      assertThat(after.get(runs.size()).get(0), is("FAILED"));
      assertThat(String.valueOf(after.get(runs.size()).get(1)), containsString(error));
    }
    // nothing of the failed run but its log: no staging, no temp file, no DuckDB WAL
    assertThat(entries(output), is(Set.of("logs", ORDERS, REPORT, WAREHOUSE, ".rebalancer.lock",
        ".warehouse.duckdb.lock")));

    Files.delete(ballast);
    Launcher.Run again = direct(output);
    assertThat(again.describe(), again.exitCode(), is(0));
    assertArrayEquals(referenceOrders, Files.readAllBytes(output.resolve(ORDERS)));
    List<List<Object>> rerun = runs(); // the failed run's row may be missing (see above)
    assertThat(rerun.size(), is(after.size() + 1));
    assertThat(rerun.get(rerun.size() - 1).get(0), is("SUCCEEDED"));
  }

  /**
   * On the small file system the Direct runner works one bundle at a time: the staged
   * warehouse tables are written by bundles of their own, and with two worker threads one of
   * them could take the last page of the disk from the step under test. The reference run keeps
   * the default parallelism: its orders are the same whatever the parallelism.
   */
  private static Launcher.Run direct(Path out) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("--config=" + config, "--outputDir=" + out,
        "--runDate=" + RUN_DATE));
    if (out.startsWith(mount == null ? dir.resolve("small") : mount)) {
      args.add("--targetParallelism=1");
    }
    return launcher.run("direct.sh", args.toArray(String[]::new));
  }

  /** Each run's status and error, in the order they started. */
  private static List<List<Object>> runs() throws Exception {
    return Launcher.query(output.resolve(WAREHOUSE),
        "SELECT status, error, run_id FROM pipeline_runs ORDER BY started_at");
  }

  /** The warehouse's data-quality checks on the run date, as a load runs them. */
  private static int passedChecks() throws Exception {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + output.resolve(WAREHOUSE),
        readOnly)) {
      return QualityChecks.run(c, LocalDate.parse(RUN_DATE));
    }
  }

  private static Set<String> entries(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Runs a command to its end; fails with its output when it does not succeed. */
  static String command(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** The output folder's staging areas (a run has one). */
  static List<Path> stagingAreas(Path out) throws IOException {
    List<Path> areas = new ArrayList<>();
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        s.filter(p -> p.getFileName().toString().startsWith(".staging-")).forEach(areas::add);
      }
    }
    return areas;
  }
}
