package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.rebalancer.testing.FlakyServer;
import io.rebalancer.testing.FlakyServer.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh on a copy of the sample whose Vanguard export (BROKERAGE_003) is served by a
 * local HTTP server: one that fails its first two requests, which the source's retries ride out
 * to the same trade orders as the file read from disk; and one that never answers, which fails
 * the run in bounded time with one line naming the URL, publishing nothing.
 */
class UrlSourceRetriesIT {
  private static final String VANGUARD = "sample-data/brokerages/BROKERAGE_003/OfxDownload.csv";
  private static final String ORDERS = "trade_orders_20261120.csv";
  private static Path project;

  @TempDir Path dir;
  private Path sample;
  private Launcher launcher;

  @BeforeAll
  static void launcherIsBuilt() throws IOException {
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
  }

  @BeforeEach
  void copyOfTheSample() throws IOException {
    launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
    sample = Launcher.copyOfTheSample(project, dir);
  }

  @Test
  void aServerThatFailsTwiceIsRetriedToTheOrdersOfTheFileOnDisk() throws Exception {
    Path fromDisk = dir.resolve("from-disk");
    Launcher.Run disk = direct(config(VANGUARD), fromDisk);
    assertThat(disk.describe(), disk.exitCode(), is(0));

    Path served = dir.resolve("served");
    Launcher.Run run;
    String url;
    try (FlakyServer server = FlakyServer.failingFirst(2, Failure.UNAVAILABLE,
        sample.resolve("brokerages/BROKERAGE_003/OfxDownload.csv"))) {
      url = server.url();
      run = direct(config(url, "retries: 2", "retryDelay: 100ms", "timeout: 5s"), served);
      assertThat(run.describe(), server.requests(), is(3));
    }

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stderrLines(), contains(
        "WARN UrlFetch: source BROKERAGE_003: attempt 1 of 3 answered HTTP 503; retrying in 100ms",
        "WARN UrlFetch: source BROKERAGE_003: attempt 2 of 3 answered HTTP 503; retrying in 100ms"));
    assertThat(Files.readAllBytes(served.resolve(ORDERS)),
        is(Files.readAllBytes(fromDisk.resolve(ORDERS))));
    assertThat(Launcher.query(served.resolve("warehouse.duckdb"),
        "SELECT source_uri FROM source_files WHERE brokerage_id = 'BROKERAGE_003'"),
        is(List.of(List.of(url))));
  }

  @Test
  void aServerThatNeverAnswersFailsTheRunNamingItsUrlAndPublishesNothing() throws Exception {
    Path output = dir.resolve("output");
    Launcher.Run run;
    String url;
    try (FlakyServer server = FlakyServer.neverAnswering("OfxDownload.csv")) {
      url = server.url();
      run = direct(config(url, "retries: 1", "retryDelay: 100ms", "timeout: 1s"), output);
      assertThat(run.describe(), server.requests(), is(2));
    }

    assertThat(run.describe(), run.exitCode(), is(1));
    List<String> naming = run.stderrLines().stream().filter(l -> l.contains(url)).toList();
    assertThat(run.describe(), naming, contains("error: source BROKERAGE_003: " + url
        + " did not answer within 1s, 2 attempts 100ms apart: check that the server is up, or"
        + " raise this source's timeout or retries"));
    assertThat(run.describe(), run.stderrLines(), contains(
        "WARN UrlFetch: source BROKERAGE_003: attempt 1 of 2 did not answer within 1s;"
            + " retrying in 100ms", naming.get(0)));
    assertThat(fileNames(output), is(Set.of("warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    assertThat(Launcher.query(output.resolve("warehouse.duckdb"),
        "SELECT status FROM pipeline_runs"), is(List.of(List.of("FAILED"))));
  }

  /**
   * The sample's config on this test's copy of the sample, BROKERAGE_003 read from uri with
   * these keys added to its entry.
   */
  private Path config(String uri, String... keys) throws IOException {
    String source = "    uri: " + VANGUARD + "\n    format: vanguard-ofx\n";
    String text = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"));
    if (!text.contains(source)) {
      throw new IllegalStateException("the sample config no longer reads " + VANGUARD);
    }
    StringBuilder entry = new StringBuilder("    uri: " + uri + "\n    format: vanguard-ofx\n");
    for (String k : keys) {
      entry.append("    ").append(k).append('\n');
    }
    text = text.replace(source, entry.toString()).replace("sample-data/", sample + "/");
    return Files.writeString(dir.resolve("config-" + Math.abs(uri.hashCode()) + ".yaml"), text);
  }

  private Launcher.Run direct(Path config, Path output) throws IOException, InterruptedException {
    return launcher.run("direct.sh", "--config=" + config, "--outputDir=" + output);
  }

  private static Set<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }
}
