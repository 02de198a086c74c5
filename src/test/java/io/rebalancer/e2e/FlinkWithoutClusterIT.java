package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink scripts when there is no cluster to talk to: each fails at once with one line that
 * names the address or process and what to do, before building anything.
 */
class FlinkWithoutClusterIT {
  @TempDir
  static Path work;

  private static Launcher launcher;

  @BeforeAll
  static void setUp() throws Exception {
    launcher = new Launcher(Launcher.projectRoot(),
        Files.createDirectories(work.resolve("logs")));
  }

  @Test
  void flinkSubmitWithNoClusterFailsInSecondsNamingTheAddress() throws Exception {
    int port = Launcher.freePort();
    Instant start = Instant.now();
    Launcher.Run run = launcher.run("flink-submit.sh", "--flinkMaster=127.0.0.1:" + port,
        "--outputDir=" + work.resolve("out"));
    Duration took = Duration.between(start, Instant.now());
    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.describe(), run.stderrLines(), hasSize(1));
    String line = run.stderrLines().get(0);
    assertThat(line, containsString("no Flink cluster answers at http://127.0.0.1:" + port));
    assertThat(line, containsString("runners/flink-cluster.sh start"));
    assertThat(line, containsString("--flinkMaster=HOST:PORT"));
    assertThat(took.toSeconds(), lessThan(10L));
    assertThat(Files.exists(work.resolve("out")), is(false));
  }

  @Test
  void statusFailsWhenTheJobManagersPidIsDead() throws Exception {
    Path cluster = clusterDir("dead", Launcher.freePort());
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(cluster.resolve("pids/jobmanager.pid"), gone.pid() + "\n");
    Launcher.Run status = status(cluster);
    assertThat(status.describe(), status.exitCode(), is(1));
    assertThat(status.describe(), status.stderrLines(), hasSize(1));
    assertThat(status.stderrLines().get(0),
        containsString("the JobManager (pid " + gone.pid() + ") is not running"));
  }

  @Test
  void statusFailsWhenTheJobManagersRestApiDoesNotAnswer() throws Exception {
    int port = Launcher.freePort();
    Path cluster = clusterDir("silent", port);
    // A live process in the JobManager's pid file, with nothing on its REST port: a JobManager
    // that hangs or has not bound its port.
    Process silent = new ProcessBuilder("sleep", "120").start();
    try {
      Files.writeString(cluster.resolve("pids/jobmanager.pid"), silent.pid() + "\n");
      Launcher.Run status = status(cluster);
      assertThat(status.describe(), status.exitCode(), is(1));
      assertThat(status.describe(), status.stderrLines(), hasSize(1));
      assertThat(status.stderrLines().get(0), containsString("the JobManager (pid "
          + silent.pid() + ") does not answer on http://127.0.0.1:" + port + "/overview"));
    } finally {
      silent.destroyForcibly();
    }
  }

  @Test
  void theFlinkClientVerbWithoutAClusterSaysToStartOne() throws Exception {
    Path empty = Files.createDirectories(work.resolve("no-cluster"));
    Launcher.Run run = launcher.run(Map.of("FLINK_CLUSTER_DIR", empty.toString()),
        "flink-cluster.sh", "flink", "run", "target/portfolio-rebalancer-bundled.jar");
    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.describe(), run.stderrLines(), hasSize(1));
    assertThat(run.stderrLines().get(0),
        containsString("start a cluster first (runners/flink-cluster.sh start)"));
  }

  private static Path clusterDir(String name, int port) throws Exception {
    Path dir = work.resolve(name);
    Files.createDirectories(dir.resolve("pids"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/flink-conf.yaml"), "rest.port: " + port + "\n");
    return dir;
  }

  private static Launcher.Run status(Path cluster) throws Exception {
    return launcher.run(Map.of("FLINK_CLUSTER_DIR", cluster.toString()), "flink-cluster.sh",
        "status");
  }
}
