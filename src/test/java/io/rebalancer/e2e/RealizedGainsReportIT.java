package io.rebalancer.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagedGainsHousehold;
import io.rebalancer.io.Warehouse;
import io.rebalancer.report.Report;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of households whose sells took lots (StagedGainsHousehold), rendered by headless
 * Chromium: after the page's script ran, each household with a lot of known basis shows its
 * sold lots with the warehouse's amounts, the book's largest gains link to its section, and a
 * household that sold only shares of unknown basis shows none.
 */
class RealizedGainsReportIT {
  private static final LocalDate D = StagedGainsHousehold.D;

  @TempDir Path dir;

  @Test
  void theRenderedReportShowsTheSoldLotsAsTheWarehouseHoldsThem() throws Exception {
    Chromium chromium = Chromium.onPath(Files.createDirectories(dir.resolve("chromium")));
    Path report = dir.resolve(Report.fileName(D));
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, StagedGainsHousehold.stage(dir.resolve("staged"), UnaryOperator.identity()),
          new RunRecord("r1", D, Instant.now().minusSeconds(1), Instant.now(), "test",
              RunRecord.SUCCEEDED, 0, 0, 4, 2, 4, 0, "cfg", null, 0));
      Report.write(w.connection(), ConfigLoader.load(Path.of(
          "pipelines/daily-rebalance.yaml")), D, "r1", report);

      Path shots = Files.createDirectories(Path.of("target/report-it"));
      chromium.screenshot(report, shots.resolve("realized-gains-report.png"), 1200, 3400);
      assertThat(Files.size(shots.resolve("realized-gains-report.png")), greaterThan(20_000L));
      Document dom = Jsoup.parse(chromium.dumpDom(report));
      assertThat("the script drew the index", dom.select("#index-rows tr").size(), is(2));

      Element g = dom.selectFirst("section.household[data-household=G]");
      int rows = 0;
      try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
          "SELECT brokerage_id || '/' || account_id, lot_id, cost_basis, proceeds, gain"
              + " FROM realized_gains WHERE household_id = 'G'")) {
        while (rs.next()) {
          rows++;
          String account = rs.getString(1);
          String lot = rs.getString(2);
          Element row = g.select("table.gains tbody tr").stream()
              .filter(r -> r.attr("data-account").equals(account)
                  && r.attr("data-lot").equals(lot)).findFirst().orElseThrow();
          assertThat(lot, shown(row, "td.cost-basis"), is(rs.getBigDecimal(3)));
          assertThat(lot, shown(row, "td.proceeds"), is(rs.getBigDecimal(4)));
          assertThat(lot, shown(row, "td.gain"), is(rs.getBigDecimal(5)));
        }
      }
      assertThat(g.select("table.gains tbody tr").size(), is(rows));
      assertThat(g.selectFirst("p.gain-totals .short-term").text(), is("-200.00"));
      assertThat(g.selectFirst("p.gain-totals .long-term").text(), is("200.00"));
      Element n = dom.selectFirst("section.household[data-household=N]");
      assertThat(n.select("table.gains").size(), is(0));

      Element link = dom.selectFirst("table.largest-gains tr[data-household=G] a");
      assertThat(dom.select("section.household" + link.attr("href")).attr("data-household"),
          is("G"));
      assertThat(dom.getElementById("run-gains").selectFirst(".short-term").text(),
          is("-200.00"));
    }
  }

  /** A money cell as a number; "unknown" is null, as the warehouse's NULL. */
  private static BigDecimal shown(Element row, String cell) {
    String text = row.selectFirst(cell).text();
    return text.equals("unknown") ? null : new BigDecimal(text.replace(",", ""));
  }
}
