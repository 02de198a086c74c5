package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runners/direct.sh on a copy of the sample, then its report_YYYYMMDD.html rendered by headless
 * Chromium: what the page shows after its script ran (households, their charts, numbers equal to
 * the warehouse's), and that an export holding markup and scripts shows them as text only.
 */
class ReportIT {
  private static final String REPORT = "report_20261120.html";
  private static final String TITLE = "daily-rebalance report 2026-11-20";
  private static Path project;

  @TempDir Path dir;
  private Path output;
  private Path sample;
  private Launcher launcher;
  private Chromium chromium;

  @BeforeAll
  static void launcherIsBuilt() throws IOException {
    project = Launcher.projectRoot();
    Launcher.ensureBuilt(project);
  }

  @BeforeEach
  void copyOfTheSample() throws IOException {
    chromium = Chromium.onPath(Files.createDirectories(dir.resolve("chromium")));
    output = dir.resolve("output");
    launcher = new Launcher(project, Files.createDirectories(dir.resolve("logs")));
    sample = Launcher.copyOfTheSample(project, dir);
  }

  @Test
  void theRenderedReportShowsEachHouseholdItsChartAndTheWarehousesNumbers() throws Exception {
    Launcher.Run run = direct(Map.of());
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(run.stdout(), containsString("wrote " + output.resolve(REPORT)));
    Path report = output.resolve(REPORT);
    // where a person (or CI's log) can look at it
    Path shots = Files.createDirectories(project.resolve("target/report-it"));
    chromium.screenshot(report, shots.resolve("sample-report.png"), 1200, 2400);
    assertThat(Files.size(shots.resolve("sample-report.png")), greaterThan(20_000L));

    Document dom = Jsoup.parse(chromium.dumpDom(report));
    assertThat(dom.title(), is(TITLE));
    List<String> households = column("SELECT DISTINCT household_id FROM portfolio_metrics"
        + " ORDER BY 1");
    assertThat(households, not(empty()));
    for (String household : households) {
      Element section = dom.selectFirst("section.household[data-household=" + household + "]");
      assertThat(household, section != null, is(true));
      assertThat(section.selectFirst(".hid").text(), is(household));
      assertThat(money(section.selectFirst(".total-value").text()), is(cents(
          "SELECT sum(total_value) FROM portfolio_metrics WHERE household_id = '" + household
              + "'")));
      chartMatchesTheWarehouse(household, section);
      ordersMatchTheWarehouse(household, section);
      // the index is drawn by the page's script: a row per household, with its value
      Element indexRow = dom.selectFirst("#index-rows tr[data-household=" + household + "]");
      assertThat("the script drew the index", indexRow != null, is(true));
      assertThat(indexRow.child(1).text(), is(household));
      assertThat(money(indexRow.child(3).text()), is(cents("SELECT sum(total_value) FROM"
          + " portfolio_metrics WHERE household_id = '" + household + "'")));
    }
    assertThat(money(dom.getElementById("book-value").text()),
        is(cents("SELECT sum(total_value) FROM portfolio_metrics")));
    assertThat(dom.getElementById("index-count").text(), is("1–" + households.size() + " of "
        + households.size()));
    // each source's counts as source_counts has them
    for (List<Object> source : Launcher.query(warehouse(), "SELECT source_id, rows_read,"
        + " holdings FROM source_counts")) {
      Element row = dom.selectFirst("tr.source[data-source=" + source.get(0) + "]");
      assertThat(row.child(2).text(), is(String.valueOf(source.get(1))));
      assertThat(row.child(3).text(), is(String.valueOf(source.get(2))));
    }
  }

  /** Per symbol three bars, now, target and after the orders, whose weights are the warehouse's. */
  private void chartMatchesTheWarehouse(String household, Element section) throws SQLException {
    Element svg = section.selectFirst("svg.chart");
    assertThat(household + " has its chart", svg != null, is(true));
    Map<String, Double> drawn = new TreeMap<>();
    double pxPerWeight = Double.NaN;
    for (Element bar : svg.select("rect.bar")) {
      double weight = Double.parseDouble(bar.attr("data-weight"));
      drawn.put(bar.attr("data-symbol") + " " + bar.attr("data-series"), weight);
      if (weight > 0.01) { // the bars are drawn to scale: width ∝ weight
        double ratio = Double.parseDouble(bar.attr("width")) / weight;
        pxPerWeight = Double.isNaN(pxPerWeight) ? ratio : pxPerWeight;
        assertThat(bar.attr("data-symbol"), ratio, closeTo(pxPerWeight, pxPerWeight * 0.02));
      }
    }
    Map<String, Double> stored = new TreeMap<>();
    for (List<Object> r : Launcher.query(warehouse(), "SELECT symbol, weight, target_weight,"
        + " post_trade_weight FROM allocations WHERE scope = 'household' AND scope_id = '"
        + household + "'")) {
      stored.put(r.get(0) + " now", (Double) r.get(1));
      stored.put(r.get(0) + " target", (Double) r.get(2));
      stored.put(r.get(0) + " after", (Double) r.get(3));
    }
    assertThat(drawn, is(stored));
    for (Element row : section.select("table.drifts tbody tr")) {
      String symbol = row.attr("data-symbol");
      assertThat(percent(row.selectFirst("td.weight").text()),
          closeTo(stored.get(symbol + " now") * 100, 0.005));
      assertThat(percent(row.selectFirst("td.after").text()),
          closeTo(stored.get(symbol + " after") * 100, 0.005));
    }
  }

  private void ordersMatchTheWarehouse(String household, Element section) throws SQLException {
    List<List<Object>> orders = Launcher.query(warehouse(), "SELECT order_id, quantity,"
        + " estimated_amount, reason FROM trade_orders WHERE household_id = '" + household + "'");
    assertThat(section.select("table.orders tbody tr").size(), is(orders.size()));
    for (List<Object> o : orders) {
      Element row = section.selectFirst("tr[data-order=" + o.get(0) + "]");
      assertThat((String) o.get(0), row != null, is(true));
      assertThat(new BigDecimal(row.selectFirst("td.quantity").text()),
          closeTo((BigDecimal) o.get(1), BigDecimal.ZERO));
      assertThat(money(row.selectFirst("td.amount").text()),
          is(((BigDecimal) o.get(2)).setScale(2, RoundingMode.HALF_EVEN)));
      assertThat(row.child(8).text(), is(o.get(3)));
    }
  }

  @Test
  void markupAndScriptsInTheInputsShowAsTextAndNeverRun() throws Exception {
    String household = "SMITH <script>document.title='pwned'</script>";
    String symbol = "<img src=x onerror=document.title='pwned'>";
    String rejected = "12345678,EVIL FUND,<script>document.title='pwned'</script>,abc,1.00,1.00,";
    Path accounts = sample.resolve("accounts.csv");
    Files.writeString(accounts, Files.readString(accounts).replace("SMITH_FAMILY", household));
    Path vanguard = sample.resolve("brokerages/BROKERAGE_003/OfxDownload.csv");
    String export = Files.readString(vanguard);
    int firstBlank = export.indexOf("\n\n");
    Files.writeString(vanguard, export.substring(0, firstBlank + 1)
        + "12345678,EVIL HOLDING," + symbol + ",1.0000,10.00,10.00,\n" + rejected + "\n"
        + export.substring(firstBlank + 1));

    Launcher.Run run = direct(Map.of("maxRejectedRows: 0", "maxRejectedRows: 1"));
    assertThat(run.describe(), run.exitCode(), is(0));
    assertThat(column("SELECT raw_line FROM rejected_records"), is(List.of(rejected)));
    assertThat(column("SELECT DISTINCT household_id FROM portfolio_metrics"),
        is(List.of(household)));
    assertThat(column("SELECT symbol FROM holdings WHERE symbol LIKE '<img%'"),
        is(List.of(symbol)));
    Path report = output.resolve(REPORT);
    chromium.screenshot(report, Files.createDirectories(project.resolve("target/report-it"))
        .resolve("hostile-inputs.png"), 1200, 2400);

    Document dom = Jsoup.parse(chromium.dumpDom(report));
    assertThat("no input ran as a script", dom.title(), is(TITLE));
    assertThat(dom.select("img"), is(empty()));
    assertThat(dom.select("[onerror]"), is(empty()));
    // only the page's own two scripts: the index data and the code that draws it
    Elements scripts = dom.select("script");
    assertThat(scripts.size(), is(2));
    assertThat(scripts.get(0).attr("type"), is("application/json"));
    assertThat(scripts.get(0).data(), not(containsString("<")));
    assertThat(scripts.get(1).data(), not(containsString("pwned")));
    // and every input text is there to read, as it was written
    String text = dom.body().text();
    assertThat(text, containsString(household));
    assertThat(text, containsString(symbol));
    assertThat(text, containsString(rejected));
    assertThat(dom.selectFirst("section.household .hid").text(), is(household));
    assertThat(dom.selectFirst("#index-rows tr").child(1).text(), is(household));
    assertThat(dom.selectFirst("td.raw").text(), is(rejected));
    List<String> chartSymbols = dom.select("svg.chart text.symbol").eachText();
    assertThat(chartSymbols.contains(symbol), is(true));
  }

  /** The sample's config on this test's copy of the sample, with some text replaced. */
  private Launcher.Run direct(Map<String, String> edits) throws IOException, InterruptedException {
    String config = Files.readString(project.resolve("pipelines/daily-rebalance.yaml"))
        .replace("sample-data/", sample + "/");
    for (Map.Entry<String, String> e : edits.entrySet()) {
      assertThat(config, containsString(e.getKey()));
      config = config.replace(e.getKey(), e.getValue());
    }
    Path file = Files.writeString(dir.resolve("daily-rebalance.yaml"), config);
    return launcher.run("direct.sh", "--config=" + file, "--outputDir=" + output);
  }

  private Path warehouse() {
    return output.resolve("warehouse.duckdb");
  }

  private List<String> column(String sql) throws SQLException {
    return Launcher.query(warehouse(), sql).stream().map(r -> (String) r.get(0))
        .collect(Collectors.toList());
  }

  private BigDecimal cents(String sql) throws SQLException {
    return ((BigDecimal) Launcher.query(warehouse(), sql).get(0).get(0))
        .setScale(2, RoundingMode.HALF_EVEN);
  }

  /** "1,234.50" as 1234.50. */
  private static BigDecimal money(String shown) {
    return new BigDecimal(shown.replace(",", ""));
  }

  /** "21.01%" as 21.01. */
  private static double percent(String shown) {
    assertThat(shown, shown.endsWith("%"), is(true));
    return Double.parseDouble(shown.substring(0, shown.length() - 1));
  }
}
