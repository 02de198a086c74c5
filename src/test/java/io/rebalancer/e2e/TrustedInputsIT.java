package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh on a copy of the sample whose exports an operator got wrong: yesterday's
 * download left beside today's, a download ten days old, an export edited after download. Each
 * fails the run with one line naming what to fix, and publishes nothing.
 */
class TrustedInputsIT {
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
  void theSampleRunsOnItsPinnedDateAndSaysWhatEachExportStates() throws Exception {
    Launcher.Run run = direct();

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), allOf(containsString("for 2026-11-20 on DirectRunner"),
        containsString("All-Accounts-Positions-2026-11-20.csv: as of 2026-11-20 19:28"),
        containsString("Portfolio_Positions_Nov-20-2026.csv: as of 2026-11-20 19:02"),
        containsString("OfxDownload.csv: states no date"),
        containsString("stated totals reconciled")));
    // Schwab's two account totals, E*TRADE's net account value and TOTAL row, IBKR's positions
    assertThat(query("SELECT count(*), count(*) FILTER (WHERE within_tolerance)"
        + " FROM source_reconciliation"), is(List.of(List.of(5L, 5L))));
    assertThat(query("SELECT count(*) FROM source_files WHERE run_date = DATE '2026-11-20'"),
        is(List.of(List.of(5L))));
  }

  @Test
  void yesterdaysExportBesideTodaysFailsNamingBothFilesAndPublishesNothing() throws Exception {
    Path today = sample.resolve("brokerages/BROKERAGE_002/Portfolio_Positions_Nov-20-2026.csv");
    Path yesterday = today.resolveSibling("Portfolio_Positions_Nov-19-2026.csv");
    Files.writeString(yesterday, Files.readString(today)
        .replace("Date downloaded 11/20/2026", "Date downloaded 11/19/2026"));

    Launcher.Run run = direct();

    assertFailedNaming(run, "account Z12345678 of brokerage BROKERAGE_002 is in two files",
        yesterday.toString(), today.toString());
  }

  @Test
  void anExportTenDaysOldFailsNamingItsDate() throws Exception {
    Path schwab = sample.resolve("brokerages/BROKERAGE_001/All-Accounts-Positions-2026-11-20.csv");
    Files.writeString(schwab, Files.readString(schwab).replace("as of 07:28 PM ET, 2026/11/20",
        "as of 07:28 PM ET, 2026/11/10"));

    Launcher.Run run = direct();

    assertFailedNaming(run, schwab.toString(), "is dated 2026-11-10",
        "validation.maxExportAgeDays");
  }

  @Test
  void anEditedPositionThatNoLongerAddsUpToTheAccountTotalFailsNamingBothAmounts()
      throws Exception {
    Path schwab = sample.resolve("brokerages/BROKERAGE_001/All-Accounts-Positions-2026-11-20.csv");
    String text = Files.readString(schwab);
    // BND's 900 shares at $74.12 become 950, and its market value with them: the account total
    // still says $67,908.00.
    String bnd = "\"BND\",\"VANGUARD TOTAL BOND MARKET ETF\",";
    String edited = text.replace(bnd + "\"900\",\"$74.12\",\"+0.03%\",\"$0.02\",\"$66,708.00\"",
        bnd + "\"950\",\"$74.12\",\"+0.03%\",\"$0.02\",\"$70,414.00\"");
    assertThat(edited.equals(text), is(false));
    Files.writeString(schwab, edited);

    Launcher.Run run = direct();

    assertFailedNaming(run, schwab.toString(), "account 5678", "add up to 71614.00",
        "states 67908.00");
  }

  @Test
  void anEditedQuantityAloneIsARejectedRowAndItsAccountFailsToReconcile() throws Exception {
    Path schwab = sample.resolve("brokerages/BROKERAGE_001/All-Accounts-Positions-2026-11-20.csv");
    String text = Files.readString(schwab);
    String edited = text.replace("\"BND\",\"VANGUARD TOTAL BOND MARKET ETF\",\"900\"",
        "\"BND\",\"VANGUARD TOTAL BOND MARKET ETF\",\"950\"");
    assertThat(edited.equals(text), is(false));
    Files.writeString(schwab, edited);

    Launcher.Run run = direct();

    // 950 × $74.12 is not the row's $66,708.00: the row is rejected, and the account's cash
    // alone is what is left against its total.
    assertFailedNaming(run, schwab.toString(), "account 5678", "add up to 1200.00",
        "states 67908.00", "some of the file's rows were rejected");
  }

  @Test
  void lotsAboveAHoldingFailTheRunWithOneLineNamingTheAccountSymbolAndLines() throws Exception {
    // the IBKR export holds 400 BND; these lots are 401
    Path lots = Files.writeString(sample.resolve("lots.csv"), """
        brokerage_id,account_id,symbol,lot_id,open_date,quantity,cost_basis
        BROKERAGE_005,U1234567,BND,b1,2025-01-06,300,21900
        BROKERAGE_005,U1234567,BND,b2,,101,7400
        """);
    Path ibkr = sample.resolve("brokerages/BROKERAGE_005/U1234567_20261120.csv");

    Launcher.Run run = direct("lots: " + lots + "\n");

    String line = "account U1234567 of brokerage BROKERAGE_005: its lots of BND add up to 401"
        + " shares, but it holds 400 (" + ibkr + "); the lots are from " + lots
        + " lines 2, 3: correct the lots or the export";
    assertFailedNaming(run, line);
    assertThat(run.stderrLines(), is(List.of("error: " + line)));
    assertThat(query("SELECT error FROM pipeline_runs"), is(List.of(List.of(line))));
  }

  private void assertFailedNaming(Launcher.Run run, String... words) throws Exception {
    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.describe(), run.stderrLines().size(), is(1));
    for (String w : words) {
      assertThat(run.stderrLines().get(0), containsString(w));
    }
    assertThat(fileNames(output), is(Set.of("warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    assertThat(query("SELECT status FROM pipeline_runs"), is(List.of(List.of("FAILED"))));
    for (String table : List.of("holdings", "trade_orders", "source_files",
        "source_reconciliation", "price_breaks")) {
      assertThat(table, query("SELECT count(*) FROM " + table), is(List.of(List.of(0L))));
    }
  }

  /** The sample's config, reading this test's copy of the sample data, with no --runDate. */
  private Launcher.Run direct() throws IOException, InterruptedException {
    return direct("");
  }

  /** The same, with more config lines (top-level keys) at its end. */
  private Launcher.Run direct(String more) throws IOException, InterruptedException {
    String config = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"))
        .replace("sample-data/", sample + "/") + more;
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
