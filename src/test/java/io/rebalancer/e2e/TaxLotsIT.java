package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh on the sample with a lots.csv whose lots of a holding add up to more than
 * the export holds: the run fails with one line naming the account, the symbol, both quantities
 * and where the lots came from, records a FAILED run with that line, and publishes nothing.
 */
class TaxLotsIT {
  private static Path project;

  @TempDir Path dir;
  private Path output;
  private Path sample;
  private Launcher launcher;

  @BeforeAll
  static void launcherIsBuilt() throws IOException {
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
  }

  @BeforeEach
  void copyOfTheSample() throws IOException {
    output = dir.resolve("output");
    launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
    sample = Launcher.copyOfTheSample(project, dir);
  }

  @Test
  void lotsAboveAHoldingFailTheRunWithOneLineAndPublishNothing() throws Exception {
    // the IBKR export holds 400 BND; these lots are 401
    Path lots = Files.writeString(sample.resolve("lots.csv"), """
        brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis
        BROKERAGE_005,U1234567,BND,b1,2025-01-06,300,21900
        BROKERAGE_005,U1234567,BND,b2,,101,7400
        """);
    Path ibkr = sample.resolve("brokerages/BROKERAGE_005/U1234567_20261120.csv");

    Launcher.Run run = direct(lots);

    String line = "account U1234567 of brokerage BROKERAGE_005: its lots of BND add up to 401"
        + " shares, but it holds 400 (" + ibkr + "); the lots are from " + lots
        + " lines 2, 3: correct the lots or the export";
    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.describe(), run.stderrLines(), is(List.of("error: " + line)));
    assertThat(fileNames(output), is(Set.of("warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    assertThat(query("SELECT status, error FROM pipeline_runs"),
        is(List.of(List.of("FAILED", line))));
    for (String table : List.of("holdings", "trade_orders", "source_files")) {
      assertThat(table, query("SELECT count(*) FROM " + table), is(List.of(List.of(0L))));
    }
  }

  /** The sample's config reading this test's copy of the sample and the lots file given. */
  private Launcher.Run direct(Path lots) throws IOException, InterruptedException {
    String config = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"))
        .replace("sample-data/", sample + "/") + "lots: " + lots + "\n";
    Path file = Files.writeString(dir.resolve("daily-rebalance.yaml"), config);
    return launcher.run("direct.sh", "--config=" + file, "--outputDir=" + output);
  }

  private List<List<Object>> query(String sql) throws SQLException {
    return Launcher.query(output.resolve("warehouse.duckdb"), sql);
  }

  private static Set<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }
}
