package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebalancer.bench.SyntheticBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager killed (SIGKILL) in the middle of a job on a standalone cluster of two: with the
 * restart strategy runners/flink-cluster.sh configures, the job reruns on the TaskManager left
 * and publishes the Direct runner's outputs, with no shard file nor staged warehouse row twice;
 * with restarts off (--restart-attempts=0), the run fails with one line and publishes nothing.
 *
 * <p>Two TaskManagers of 2 slots and parallelism 2: the cluster gives each slot to the least used
 * TaskManager, so both run tasks, and the one left has the 2 slots the rerun needs.
 */
class FlinkTaskManagerLossIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-11-20");
  private static final String ORDERS = "trade_orders_20261120.csv";
  private static final String JOB = "synthetic-2026-11-20";
  /** Enough for the job to run for many seconds on a cluster, little enough for a quick test. */
  private static final int ACCOUNTS = 3_000;
  private static final Duration WAIT = Duration.ofMinutes(4);

  @TempDir
  static Path work;

  private static Launcher launcher;
  private static Path config;
  private static Path direct;
  private static Map<String, String> clusterEnv;

  private FlinkRest rest;
  private int restPort;

  @BeforeAll
  static void generateTheBookAndRunItOnTheDirectRunner() throws Exception {
    Path project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
    launcher = new Launcher(project, Files.createDirectories(work.resolve("logs")));
    config = SyntheticBook.write(work.resolve("book"), ACCOUNTS, 11, RUN_DATE);
    direct = work.resolve("direct");
    Launcher.Run d = launcher.run("direct.sh", "--config=" + config, "--runDate=" + RUN_DATE,
        "--outputDir=" + direct);
    assertThat(d.describe(), d.exitCode(), is(0));
    // one cluster folder for both cases: the cluster's classpath is resolved once
    clusterEnv = Map.of("FLINK_CLUSTER_DIR", work.resolve("cluster").toString(),
        // resolved by Maven once for every cluster test (it takes a minute or two)
        "FLINK_CLASSPATH_FILE", project.resolve("target/flink-cluster-classpath.txt").toString());
  }

  @AfterEach
  void stopTheCluster() throws Exception {
    Launcher.Run stopped = launcher.run(clusterEnv, "flink-cluster.sh", "stop");
    assertThat(stopped.describe(), stopped.exitCode(), is(0));
  }

  @Test
  void aRestartedJobPublishesTheDirectRunnersOutputs() throws Exception {
    startCluster(); // the restart strategy flink-cluster.sh configures by default
    Path out = work.resolve("restarted");
    CompletableFuture<Launcher.Run> submit = submit(out);
    String jobId = runningJob(submit);
    String lost = killATaskManagerRunningTasksOf(jobId, submit);

    Launcher.Run run = submit.join();
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(rest.waitForJob(jobId), is("FINISHED"));
    JsonNode job = JSON.readTree(rest.get("/jobs/" + jobId));
    assertThat("the job restarted", job.path("timestamps").path("RESTARTING").asLong(),
        greaterThan(0L));
    String exceptions = rest.get("/jobs/" + jobId + "/exceptions");
    assertThat(exceptions, containsString(lost));

    assertThat(Files.readAllBytes(out.resolve(ORDERS)),
        equalTo(Files.readAllBytes(direct.resolve(ORDERS))));
    // Every table's rows, sorted, duplicates kept: a staged row written twice would show here.
    assertThat(Launcher.warehouseContents(out.resolve("warehouse.duckdb")),
        equalTo(Launcher.warehouseContents(direct.resolve("warehouse.duckdb"))));
  }

  @Test
  void withoutRestartsALostTaskManagerFailsTheRunAndPublishesNothing() throws Exception {
    startCluster("--restart-attempts=0");
    Path out = work.resolve("not-restarted");
    CompletableFuture<Launcher.Run> submit = submit(out);
    String jobId = runningJob(submit);
    killATaskManagerRunningTasksOf(jobId, submit);

    Launcher.Run run = submit.join();
    assertThat(run.describe(), run.exitCode(), not(is(0)));
    assertThat(run.describe(), run.stderrLines(), hasSize(1));
    assertThat(run.stderrLines().get(0), containsString(
        "error: the Flink job failed because a TaskManager was lost"));
    assertThat(rest.waitForJob(jobId), is("FAILED"));
    assertThat("no trade orders published", Files.exists(out.resolve(ORDERS)), is(false));
    List<List<Object>> runs = Launcher.query(out.resolve("warehouse.duckdb"),
        "SELECT status, COUNT(*) FROM pipeline_runs GROUP BY status");
    assertThat(runs, equalTo(List.of(List.of("FAILED", 1L))));
  }

  private void startCluster(String... options) throws Exception {
    restPort = Launcher.freePort();
    rest = new FlinkRest(restPort);
    List<String> args = new java.util.ArrayList<>(List.of("start", "--port=" + restPort,
        "--rpc-port=" + Launcher.freePort(), "--taskmanagers=2", "--slots=2"));
    args.addAll(List.of(options));
    Launcher.Run started = launcher.run(clusterEnv, "flink-cluster.sh",
        args.toArray(String[]::new));
    assertThat(started.describe(), started.exitCode(), is(0));
  }

  /** The submission runs on while the test watches the job: its own launcher, its own logs. */
  private CompletableFuture<Launcher.Run> submit(Path out) throws Exception {
    Launcher submitter = new Launcher(Launcher.projectRoot(),
        Files.createDirectories(work.resolve("logs-" + out.getFileName())));
    return CompletableFuture.supplyAsync(() -> {
      try {
        return submitter.run("flink-submit.sh", "--config=" + config, "--runDate=" + RUN_DATE,
            "--outputDir=" + out, "--flinkMaster=127.0.0.1:" + restPort, "--parallelism=2");
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
  }

  /** The id of the submitted job, once it is RUNNING. */
  private String runningJob(CompletableFuture<Launcher.Run> submit) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode job : JSON.readTree(rest.get("/jobs/overview")).path("jobs")) {
        if (job.path("name").asText().equals(JOB)
            && job.path("state").asText().equals("RUNNING")) {
          return job.path("jid").asText();
        }
      }
      failIfDone(submit, "before its job ran");
      Thread.sleep(500);
    }
    return fail("no job " + JOB + " RUNNING within " + WAIT);
  }

  /**
   * Once some of the job's tasks have finished (their results may be on the TaskManager to be
   * lost) and others run, SIGKILLs a TaskManager that runs one: its id is its pid file's name.
   */
  private String killATaskManagerRunningTasksOf(String jobId,
      CompletableFuture<Launcher.Run> submit) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = JSON.readTree(rest.get("/jobs/" + jobId));
      if (!job.path("state").asText().equals("RUNNING")) {
        return fail("the job was " + job.path("state").asText()
            + " before a TaskManager could be killed: give it a larger book");
      }
      if (job.path("status-counts").path("FINISHED").asInt() > 0) {
        for (JsonNode vertex : job.path("vertices")) {
          if (!vertex.path("status").asText().equals("RUNNING")) {
            continue;
          }
          JsonNode tms = JSON.readTree(rest.get("/jobs/" + jobId + "/vertices/"
              + vertex.path("id").asText() + "/taskmanagers")).path("taskmanagers");
          for (JsonNode tm : tms) {
            if (tm.path("status-counts").path("RUNNING").asInt() > 0) {
              String id = tm.path("taskmanager-id").asText();
              kill(id);
              return id;
            }
          }
        }
      }
      failIfDone(submit, "before a TaskManager could be killed");
      Thread.sleep(200);
    }
    return fail("no task of job " + jobId + " RUNNING within " + WAIT);
  }

  private static void kill(String taskManager) throws Exception {
    Path pidFile = work.resolve("cluster/pids/" + taskManager + ".pid");
    assertThat("the TaskManager's id names its pid file", Files.isRegularFile(pidFile), is(true));
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the JobManager
    process.onExit().get();
  }

  private static void failIfDone(CompletableFuture<Launcher.Run> submit, String when) {
    if (submit.isDone()) {
      fail("the submission ended " + when + ":\n" + submit.join().describe());
    }
  }
}
