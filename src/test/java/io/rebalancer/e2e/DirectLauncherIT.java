package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.rebalancer.io.TradeOrderCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh as a user runs it, on the sample book: what it publishes, what it loads, how it
 * re-runs, and how it fails.
 */
class DirectLauncherIT {
  private static final String HEADER = String.join(",", TradeOrderCsv.HEADER);
  /** The tables a run loads per run date. */
  private static final List<String> PER_RUN_TABLES = List.of("holdings", "portfolio_metrics",
      "allocations", "asset_class_allocations", "trade_orders", "unplaced_trades",
      "realized_gains", "rejected_records", "source_counts");

  private static Path project;
  /**
   * One run of the sample on 2026-11-20, made by the first test that needs it: the tests that only
   * read its outputs read them here, and those that run again over it start from a copy (as each
   * kill of KillAnywhereIT does), instead of each repeating the same run.
   */
  @TempDir static Path shared;
  private static Launcher.Run sampleRun;

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
  void runPublishesTheOrdersFileAndLoadsTheWarehouse() throws Exception {
    Launcher.Run run = readTheSampleRun();

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(fileNames(output), is(Set.of("report_20261120.html", "trade_orders_20261120.csv",
        "warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    List<String> lines = orderLines("trade_orders_20261120.csv");
    assertThat(lines.get(0), is(HEADER));
    assertThat(lines.stream().filter(HEADER::equals).count(), is(1L));
    List<String> orders = lines.subList(1, lines.size());
    assertThat(orders.size(), greaterThan(0));
    orders.forEach(o -> assertThat(o, startsWith("2026-11-20,20261120-")));
    assertThat(run.stdout(), containsString(
        "wrote " + output.resolve("trade_orders_20261120.csv")));

    Map<String, Long> counts = countsFor("2026-11-20");
    // the sample: 16 holding rows in 6 accounts (one position each) at 5 brokerages, none rejected
    assertThat(counts.get("holdings"), is(16L));
    assertThat(counts.get("portfolio_metrics"), is(6L));
    assertThat(counts.get("source_counts"), is(5L));
    assertThat(counts.get("rejected_records"), is(0L));
    assertThat(counts.get("trade_orders"), is((long) orders.size()));
    assertThat(counts.get("allocations"), greaterThan(0L));
    assertThat(counts.get("asset_class_allocations"), greaterThan(0L));
    assertThat(query("SELECT order_id FROM trade_orders WHERE run_date = DATE '2026-11-20'")
        .stream().map(r -> (String) r.get(0)).collect(Collectors.toSet()),
        is(orders.stream().map(o -> o.split(",")[1]).collect(Collectors.toSet())));
    // the sample's five exports have 14 + 10 + 11 + 16 + 18 rows
    assertThat(query("SELECT CAST(run_date AS VARCHAR), runner, status, records_read,"
        + " records_rejected, accounts, households, orders, error FROM pipeline_runs"),
        is(List.of(Arrays.asList("2026-11-20", "DirectRunner", "SUCCEEDED", 69L, 0L, 6L, 1L,
            (long) orders.size(), null))));
  }

  @Test
  void rerunReplacesItsRunDateAndAnotherRunDateKeepsIt() throws Exception {
    copyOfTheSampleRun();
    Map<String, Long> first = countsFor("2026-11-20");
    byte[] firstOrders = Files.readAllBytes(output.resolve("trade_orders_20261120.csv"));

    Launcher.Run again = direct("--runDate=2026-11-20");
    assertThat(again.describe(), again.exitCode(), is(0));
    assertThat(countsFor("2026-11-20"), is(first));
    assertThat(Arrays.equals(Files.readAllBytes(output.resolve("trade_orders_20261120.csv")),
        firstOrders), is(true));

    Launcher.Run next = direct("--runDate=2026-11-21");
    assertThat(next.describe(), next.exitCode(), is(0));
    assertThat(countsFor("2026-11-20"), is(first));
    Map<String, Long> nextDay = countsFor("2026-11-21");
    assertThat(nextDay.get("holdings"), is(first.get("holdings")));
    assertThat(nextDay.get("trade_orders"),
        is((long) orderLines("trade_orders_20261121.csv").size() - 1));
    assertThat(fileNames(output), is(Set.of("report_20261120.html", "report_20261121.html",
        "trade_orders_20261120.csv", "trade_orders_20261121.csv", "warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    assertThat(query("SELECT CAST(run_date AS VARCHAR), status, count(*) FROM pipeline_runs"
        + " GROUP BY ALL ORDER BY 1"), is(List.of(
            Arrays.asList("2026-11-20", "SUCCEEDED", 2L),
            Arrays.asList("2026-11-21", "SUCCEEDED", 1L))));
  }

  @Test
  void unknownConfigKeyFailsWithOneLineNamingTheKey() throws Exception {
    String sample = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"));
    String withUnknownKey = sample.replace("rebalance:\n", "rebalance:\n  driftBand: 0.10\n");
    assertThat(withUnknownKey.equals(sample), is(false));
    Path config = Files.writeString(dir.resolve("unknown-key.yaml"), withUnknownKey);

    Launcher.Run run = direct("--config=" + config, "--runDate=2026-11-20");

    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.stderrLines(), is(List.of("error: " + config + ": rebalance.driftBand:"
        + " unknown key (allowed: absoluteBand, avoidShortTermGains, minTradeValue, mode,"
        + " quantityScale, relativeBand, restricted, taxAware, tradeTo, wholeShares)")));
    assertThat(Files.exists(output.resolve("trade_orders_20261120.csv")), is(false));
    // The run log keeps the failure, naming the key; no other table has rows.
    assertThat(query("SELECT status, CAST(run_date AS VARCHAR), error FROM pipeline_runs"),
        is(List.of(List.of("FAILED", "2026-11-20", run.stderrLines().get(0).substring(7)))));
    assertThat(query("SELECT count(*) FROM holdings"), is(List.of(List.of(0L))));
  }

  @Test
  void aMissingSourceChangesNoTableAndLogsOneFailedRun() throws Exception {
    copyOfTheSampleRun();
    List<List<Object>> before = query("SELECT count(*) FROM holdings");
    String sample = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"));
    Path config = Files.writeString(dir.resolve("missing-source.yaml"), sample.replace(
        "BROKERAGE_003/OfxDownload.csv", "BROKERAGE_003/gone.csv"));

    Launcher.Run run = direct("--config=" + config, "--runDate=2026-11-20");

    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.stderrLines().size(), is(1));
    assertThat(run.stderrLines().get(0), containsString("sources[2].uri: source BROKERAGE_003:"
        + " no such file"));
    assertThat(query("SELECT count(*) FROM holdings"), is(before));
    assertThat(query("SELECT status, count(*) FROM pipeline_runs GROUP BY ALL ORDER BY 1"),
        is(List.of(List.of("FAILED", 1L), List.of("SUCCEEDED", 1L))));
  }

  @Test
  void malformedQuantityFailsTheRunPublishesNothingAndRecordsTheFailure() throws Exception {
    Path source = Files.writeString(dir.resolve("positions.csv"), """
        account_id,symbol,quantity,price,asset_class
        A1,VTI,10,274.61,US_EQUITY
        A1,BND,ten,74.12,US_BOND
        A1,CASH,500,1,CASH
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
        validation:
          maxRejectedRows: 0
        """.formatted(source, accounts));

    Launcher.Run run = direct("--config=" + config, "--runDate=2026-11-20");

    String problem = "source BAD_QUANTITY_BROKER: 1 rejected row(s) in all, more than"
        + " validation.maxRejectedRows (0); first: " + source + " line 3: quantity 'ten' is not"
        + " a number";
    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.stderrLines(), is(List.of("error: " + problem)));
    // no orders, no staging left; the run's log
    assertThat(fileNames(output), is(Set.of("warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
    assertThat(query("SELECT CAST(run_date AS VARCHAR), status, error FROM pipeline_runs"),
        is(List.of(List.of("2026-11-20", "FAILED", problem))));
    for (String table : PER_RUN_TABLES) {
      assertThat(table, query("SELECT count(*) FROM " + table), is(List.of(List.of(0L))));
    }
  }

  @Test
  void warehouseHeldByAnotherWriterFailsWithAClearErrorAndPublishesNothing() throws Exception {
    Path warehouse = Files.createDirectories(output).resolve("warehouse.duckdb");
    Launcher.Run run;
    try (Connection otherWriter = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
      otherWriter.createStatement().execute("CREATE TABLE analyst_scratch (x INTEGER)");
      run = direct("--runDate=2026-11-20");
    }

    assertThat(run.describe(), run.exitCode(), is(1));
    assertThat(run.stderrLines(), is(List.of("error: warehouse " + warehouse
        + " is in use by another process (DuckDB allows one writer at a time)")));
    assertThat(fileNames(output), is(Set.of("warehouse.duckdb", "logs",
        ".rebalancer.lock", ".warehouse.duckdb.lock")));
  }

  @Test
  void helpPrintsTheOptionsAndExitsZero() throws Exception {
    Launcher.Run run = direct("--help");

    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), startsWith("Runs the daily rebalance on the Beam Direct runner"));
    assertThat(Arrays.asList(run.stdout().split("\n")).stream().map(String::strip).toList(),
        hasItems("--config=<String>", "--runDate=<String>", "--outputDir=<String>",
            "--warehouse=<String>", "--keyBuckets=<int>", "--targetParallelism=<int>"));
    assertThat(run.stderrLines(), is(empty()));
    assertThat(Files.exists(output), is(false));
  }

  @Test
  void warehouseHoldsTheReturnSeriesOfEveryAccountAndHousehold() throws Exception {
    assertThat(readTheSampleRun().exitCode(), is(0));

    List<String> tables = query("SELECT table_name FROM information_schema.tables").stream()
        .map(r -> (String) r.get(0)).toList();
    assertThat(tables, hasItems("daily_returns", "cumulative_returns", "drawdown",
        "rolling_volatility"));
    for (String table : List.of("daily_returns", "cumulative_returns", "drawdown",
        "rolling_volatility")) {
      // 6 accounts and 1 household of the sample, each with a series from the price history
      assertThat(table, query("SELECT count(DISTINCT scope || '/' || scope_id) FROM " + table
          + " WHERE run_date = DATE '2026-11-20'"), is(List.of(List.of(7L))));
    }
    // the views derive each account's series as its analysis did: same largest drawdown
    assertThat(query("SELECT m.brokerage_id, m.account_id, m.max_drawdown, max(d.drawdown)"
        + " FROM portfolio_metrics m JOIN drawdown d ON d.run_date = m.run_date"
        + " AND d.scope = 'account' AND d.scope_id = m.brokerage_id || '/' || m.account_id"
        + " WHERE m.run_date = DATE '2026-11-20' GROUP BY ALL"
        + " HAVING abs(m.max_drawdown - max(d.drawdown)) > 1e-9 OR m.max_drawdown IS NULL"),
        is(empty()));
    assertThat((Long) query("SELECT count(*) FROM prices").get(0).get(0), greaterThan(0L));
  }

  /** The shared run of the sample, made on first use. */
  private static Launcher.Run theSampleRun() throws IOException, InterruptedException {
    if (sampleRun == null) {
      sampleRun = new Launcher(project, Files.createDirectories(shared.resolve("logs")))
          .run("direct.sh", "--outputDir=" + shared.resolve("output"), "--runDate=2026-11-20");
    }
    return sampleRun;
  }

  /** For a test that only reads: its output folder is the shared run's. */
  private Launcher.Run readTheSampleRun() throws IOException, InterruptedException {
    output = shared.resolve("output");
    return theSampleRun();
  }

  /** For a test that runs again: its output folder starts as a copy of the shared run's. */
  private void copyOfTheSampleRun() throws IOException, InterruptedException {
    Launcher.Run run = theSampleRun();
    assertThat(run.describe(), run.exitCode(), is(0));
    Path from = shared.resolve("output");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = output.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
  }

  private Launcher.Run direct(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--outputDir=" + output));
    all.addAll(Arrays.asList(args));
    return launcher.run("direct.sh", all.toArray(String[]::new));
  }

  private List<String> orderLines(String file) throws IOException {
    String text = Files.readString(output.resolve(file), StandardCharsets.UTF_8);
    assertThat(file + " ends its last line", text.endsWith("\r\n"), is(true));
    return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
  }

  private Map<String, Long> countsFor(String runDate) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : PER_RUN_TABLES) {
      counts.put(table, (Long) query("SELECT count(*) FROM " + table + " WHERE run_date = DATE '"
          + runDate + "'").get(0).get(0));
    }
    return counts;
  }

  private List<List<Object>> query(String sql) throws SQLException {
    return Launcher.query(output.resolve("warehouse.duckdb"), sql);
  }

  private static Set<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
