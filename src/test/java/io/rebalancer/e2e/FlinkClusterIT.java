package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Flink cluster (JobManager and TaskManager processes started by
 * runners/flink-cluster.sh) runs the sample pipeline submitted three ways, as a Flink operator
 * would: runners/flink-submit.sh, Flink's own client (`flink run` with the bundled jar) and the
 * REST API (/jars/upload, /jars/ID/run, detached, then runners/publish.sh); each publishes the
 * Direct runner's outputs. The cluster is stopped even when a test fails; the last test kills
 * its JobManager to see status fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDERS = "trade_orders_20261120.csv";

  @TempDir
  static Path work;

  private static Launcher launcher;
  private static Map<String, String> clusterEnv;
  private static int restPort;
  private static FlinkRest rest;

  @BeforeAll
  static void startCluster() throws Exception {
    Path project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
    launcher = new Launcher(project, Files.createDirectories(work.resolve("logs")));
    clusterEnv = Map.of("FLINK_CLUSTER_DIR", work.resolve("cluster").toString(),
        // resolved by Maven once for every cluster test (it takes a minute or two)
        "FLINK_CLASSPATH_FILE", project.resolve("target/flink-cluster-classpath.txt").toString());
    restPort = Launcher.freePort();
    rest = new FlinkRest(restPort);
    Launcher.Run started = launcher.run(clusterEnv, "flink-cluster.sh", "start",
        "--port=" + restPort, "--rpc-port=" + Launcher.freePort());
    assertThat(started.describe(), started.exitCode(), is(0));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    Launcher.Run stopped = launcher.run(clusterEnv, "flink-cluster.sh", "stop");
    assertThat(stopped.describe(), stopped.exitCode(), is(0));
    assertThat("nothing answers on the REST port after stop", answers(), is(false));
    try (var pids = Files.list(work.resolve("cluster/pids"))) {
      assertThat(pids.count(), is(0L));
    }
  }

  private static Path direct;

  /** The Direct runner's outputs of the sample, which every Flink submission must equal. */
  private static synchronized Path direct() throws Exception {
    if (direct == null) {
      Path dir = work.resolve("direct");
      Launcher.Run d = launcher.run("direct.sh", "--runDate=2026-11-20", "--outputDir=" + dir);
      assertThat(d.describe(), d.exitCode(), is(0));
      direct = dir;
    }
    return direct;
  }

  private static void assertSameOutputsAsDirect(Path flink) throws Exception {
    assertThat(Files.readAllBytes(flink.resolve(ORDERS)),
        equalTo(Files.readAllBytes(direct().resolve(ORDERS))));
    assertThat(Launcher.warehouseContents(flink.resolve("warehouse.duckdb")),
        equalTo(Launcher.warehouseContents(direct().resolve("warehouse.duckdb"))));
  }

  @Test
  void theClusterRunsTheSampleToTheDirectRunnersOutputs() throws Exception {
    Path flink = work.resolve("flink");
    Launcher.Run f = launcher.run("flink-submit.sh", "--runDate=2026-11-20",
        "--outputDir=" + flink, "--flinkMaster=127.0.0.1:" + restPort, "--parallelism=2");
    assertThat(f.describe(), f.exitCode(), is(0));
    assertSameOutputsAsDirect(flink);
    String jobs = rest.get("/jobs/overview");
    assertThat(jobs, containsString("\"name\":\"daily-rebalance-2026-11-20\""));
    assertThat(jobs, containsString("\"state\":\"FINISHED\""));
  }

  @Test
  void flinkRunWithTheBundledJarPublishesTheDirectRunnersOutputs() throws Exception {
    Path out = work.resolve("flink-run");
    Launcher.Run run = launcher.run(clusterEnv, "flink-cluster.sh", "flink", "run",
        bundledJar().toString(), "--config=" + sampleConfig(), "--outputDir=" + out,
        "--runDate=2026-11-20", "--parallelism=2");
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), containsString("daily-rebalance: run 2026-11-20-"));
    assertSameOutputsAsDirect(out);
    assertThat("an attached run removes its staging", Files.list(out)
        .filter(f -> f.getFileName().toString().startsWith(".staging-")).count(), is(0L));
  }

  @Test
  void flinkRunDetachedLeavesTheRunStagedForPublish() throws Exception {
    Path out = work.resolve("flink-run-detached");
    Launcher.Run run = launcher.run(clusterEnv, "flink-cluster.sh", "flink", "run", "-d",
        bundledJar().toString(), "--config=" + sampleConfig(), "--outputDir=" + out,
        "--runDate=2026-11-20", "--parallelism=2");
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), containsString("submitted to Flink, detached"));
    Matcher job = Pattern.compile("submitted with JobID ([0-9a-f]{32})")
        .matcher(run.stdout());
    assertThat(run.describe(), job.find(), is(true));
    assertThat(rest.waitForJob(job.group(1)), is("FINISHED"));
    Launcher.Run publish = launcher.run("publish.sh", "--outputDir=" + out);
    assertThat(publish.describe(), publish.exitCode(), is(0));
    assertSameOutputsAsDirect(out);
  }

  @Test
  void aFailingRunUnderFlinkRunThrowsItsErrorLine() throws Exception {
    Launcher.Run run = launcher.run(clusterEnv, "flink-cluster.sh", "flink", "run",
        bundledJar().toString(), "--config=" + sampleConfig(), "--runDate=20261120",
        "--outputDir=" + work.resolve("flink-run-failed"));
    assertThat(run.describe(), run.exitCode(), not(is(0)));
    assertThat(run.describe(), run.stdout() + String.join("\n", run.stderrLines()),
        containsString("--runDate: '20261120' is not a date (YYYY-MM-DD)"));
  }

  @Test
  void theRestApiRunsTheJarDetachedAndPublishLoadsItsOutputs() throws Exception {
    String jarId = rest.uploadJar(bundledJar());
    Path out = work.resolve("rest");

    // A run that fails before its job: the error comes back, and the JobManager lives on.
    HttpResponse<String> failed = rest.runJar(jarId, List.of("--config=" + sampleConfig(),
        "--outputDir=" + out, "--runDate=20261120"));
    assertThat(failed.body(), failed.statusCode(), not(is(200)));
    assertThat(failed.body(), containsString("is not a date (YYYY-MM-DD)"));
    assertThat("the JobManager answers after a failed program", answers(), is(true));

    HttpResponse<String> run = rest.runJar(jarId, List.of("--config=" + sampleConfig(),
        "--outputDir=" + out, "--runDate=2026-11-20", "--parallelism=2"));
    assertThat(run.body(), run.statusCode(), is(200));
    String jobId = JSON.readTree(run.body()).get("jobid").asText();
    assertThat(rest.waitForJob(jobId), is("FINISHED"));
    assertThat("the JobManager answers after the job", answers(), is(true));
    assertThat(jobManagerAlive(), is(true));
    assertThat("nothing is published before publish", Files.exists(out.resolve(ORDERS)),
        is(false));
    List<Path> staged = new ArrayList<>();
    Files.list(out).filter(f -> f.getFileName().toString().startsWith(".staging-"))
        .forEach(staged::add);
    assertThat(staged, hasSize(1));
    assertThat(Files.exists(staged.get(0).resolve("_COMPLETE")), is(true));

    Launcher.Run publish = launcher.run("publish.sh", "--outputDir=" + out);
    assertThat(publish.describe(), publish.exitCode(), is(0));
    assertThat(publish.stdout(), containsString("on FlinkRunner"));
    assertSameOutputsAsDirect(out);
    assertThat(Files.exists(staged.get(0)), is(false));

    // Beam's counters (namespace rebalancer) reach Flink as the job's accumulators, and count
    // what the published run says it did.
    Map<String, Long> counters = rest.beamCounters(jobId);
    Path warehouse = out.resolve("warehouse.duckdb");
    List<Object> run0 = Launcher.query(warehouse, "SELECT records_read, records_rejected,"
        + " accounts, households, orders, unplaced FROM pipeline_runs").get(0);
    Object holdings = Launcher.query(warehouse,
        "SELECT SUM(holdings) FROM source_counts").get(0).get(0);
    Map<String, Long> expected = new TreeMap<>(Map.of("rows_read", number(run0.get(0)),
        "rows_rejected", number(run0.get(1)), "accounts", number(run0.get(2)),
        "households", number(run0.get(3)), "orders", number(run0.get(4)),
        "unplaced_trades", number(run0.get(5)), "holdings", number(holdings)));
    assertThat(counters, equalTo(expected));
  }

  @Test
  void statusReportsTheRunningProcesses() throws Exception {
    Launcher.Run status = launcher.run(clusterEnv, "flink-cluster.sh", "status");
    assertThat(status.describe(), status.exitCode(), is(0));
    assertThat(status.stdout(), containsString("jobmanager: pid"));
    assertThat(status.stdout(), containsString("taskmanager-1: pid"));
    assertThat(status.stdout(), containsString("\"taskmanagers\":1"));
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it kills the JobManager
  void statusFailsOnceTheJobManagerIsGone() throws Exception {
    long pid = Long.parseLong(Files.readString(work.resolve("cluster/pids/jobmanager.pid"))
        .trim());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    Instant deadline = Instant.now().plusSeconds(30);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    Launcher.Run status = launcher.run(clusterEnv, "flink-cluster.sh", "status");
    assertThat(status.describe(), status.exitCode(), is(1));
    assertThat(status.describe(), status.stderrLines(), hasSize(1));
    assertThat(status.stderrLines().get(0), containsString(
        "error: the JobManager (pid " + pid + ") is not running"));
  }

  private static Path bundledJar() {
    Path jar = Launcher.projectRoot().resolve("target/portfolio-rebalancer-bundled.jar");
    assertThat("mvn package builds " + jar + " before the ITs", Files.isRegularFile(jar),
        is(true));
    return jar;
  }

  /** Absolute, as Flink's client and JobManager run in folders of their own. */
  private static Path sampleConfig() {
    return Launcher.projectRoot().resolve("pipelines/daily-rebalance.yaml");
  }

  private static boolean jobManagerAlive() throws IOException {
    long pid = Long.parseLong(Files.readString(work.resolve("cluster/pids/jobmanager.pid"))
        .trim());
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  private static boolean answers() {
    try {
      rest.get("/overview");
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
