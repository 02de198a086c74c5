package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone Flink cluster (JobManager and TaskManager processes started by
 * runners/flink-cluster.sh) runs the sample pipeline submitted by runners/flink-submit.sh; its
 * outputs must equal the Direct runner's. The cluster is stopped even when a test fails.
 */
class FlinkClusterIT {
  @TempDir
  static Path work;

  private static Launcher launcher;
  private static Map<String, String> clusterEnv;
  private static int restPort;

  @BeforeAll
  static void startCluster() throws Exception {
    Path project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
    launcher = new Launcher(project, Files.createDirectories(work.resolve("logs")));
    clusterEnv = Map.of("FLINK_CLUSTER_DIR", work.resolve("cluster").toString());
    restPort = Launcher.freePort();
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

  @Test
  void theClusterRunsTheSampleToTheDirectRunnersOutputs() throws Exception {
    Path direct = work.resolve("direct");
    Path flink = work.resolve("flink");
    Launcher.Run d = launcher.run("direct.sh", "--runDate=2026-11-20", "--outputDir=" + direct);
    assertThat(d.describe(), d.exitCode(), is(0));
    Launcher.Run f = launcher.run("flink-submit.sh", "--runDate=2026-11-20",
        "--outputDir=" + flink, "--flinkMaster=127.0.0.1:" + restPort, "--parallelism=2");
    assertThat(f.describe(), f.exitCode(), is(0));

    String file = "trade_orders_20261120.csv";
    assertThat(Files.readAllBytes(flink.resolve(file)),
        equalTo(Files.readAllBytes(direct.resolve(file))));
    assertThat(Launcher.warehouseContents(flink.resolve("warehouse.duckdb")),
        equalTo(Launcher.warehouseContents(direct.resolve("warehouse.duckdb"))));
    String jobs = get("/jobs/overview");
    assertThat(jobs, containsString("\"name\":\"daily-rebalance-2026-11-20\""));
    assertThat(jobs, containsString("\"state\":\"FINISHED\""));
  }

  @Test
  void statusReportsTheRunningProcesses() throws Exception {
    Launcher.Run status = launcher.run(clusterEnv, "flink-cluster.sh", "status");
    assertThat(status.describe(), status.exitCode(), is(0));
    assertThat(status.stdout(), containsString("jobmanager: pid"));
    assertThat(status.stdout(), containsString("taskmanager-1: pid"));
    assertThat(status.stdout(), containsString("\"taskmanagers\":1"));
  }

  private static String get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + restPort + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static boolean answers() {
    try {
      get("/overview");
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
