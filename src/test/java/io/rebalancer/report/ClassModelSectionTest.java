package io.rebalancer.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagedClassHousehold;
import io.rebalancer.io.Warehouse;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdDetail;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A household on a class model in the report, from a real warehouse: ranked by its classes, its
 * chart and drift table per class (now, target with band, after the orders), its symbols beneath
 * with no target of their own. See StagedClassHousehold for the households.
 */
class ClassModelSectionTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;

  @Test
  void aClassModelsSectionShowsItsClassesThenItsSymbols() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, StagedClassHousehold.stage(dir.resolve("staged"), D, Map.of()),
          new RunRecord("r1", D, Instant.now().minusSeconds(1), Instant.now(), "test",
              RunRecord.SUCCEEDED, 0, 0, 0, 0, 0, 0, "cfg", null, 0));
      BookQueries book = new BookQueries(w.connection(), D);
      List<Household> worst = book.worst(10);
      // C has three classes out of band (BOND, EQUITY, GOLD), its largest drift BOND's 0.2; Q
      // holds the model's split
      assertThat(worst.stream().map(h -> h.householdId() + " " + h.symbolsOutOfBand() + " "
          + Math.round(h.maxDrift() * 1e9) / 1e9).toList(), contains("C 3 0.2", "Q 0 0.0"));
      assertThat(book.totals().householdsOutOfBand(), is(1L));
      assertThat(book.largestDrifts(2).stream().map(s -> s.householdId() + " " + s.symbol())
          .toList(), contains("C BOND", "C EQUITY"));

      HouseholdDetail c = book.details(worst).get(0);
      Document page = Jsoup.parse(new HouseholdSection(StagedClassHousehold.RULES).render(c)
          .render());
      Map<String, Double> stored = stored(w, "SELECT asset_class, weight, target_weight,"
          + " post_trade_weight FROM asset_class_allocations WHERE scope = 'household'"
          + " AND scope_id = 'C'");
      assertThat(drawn(page, "data-class"), is(stored));
      // symbols: now and after, no target
      assertThat(drawn(page, "data-symbol"), is(stored(w, "SELECT symbol, weight, NULL,"
          + " post_trade_weight FROM allocations WHERE scope = 'household' AND scope_id = 'C'")));
      // a band around each traded class with a target: BOND and EQUITY, not CASH, not GOLD (0)
      assertThat(page.select("svg.chart rect.band").size(), is(2));
      assertThat(page.select("svg.chart text.asset-class").eachText(),
          contains("BOND", "CASH", "EQUITY", "GOLD"));

      assertThat(page.select("table.drifts tr.asset-class").eachAttr("data-class"),
          contains("BOND", "CASH", "EQUITY", "GOLD"));
      Element bond = page.selectFirst("table.drifts tr[data-class=BOND]");
      assertThat(percent(bond.selectFirst("td.weight").text()), closeTo(10, 0.005));
      assertThat(percent(bond.selectFirst("td.target").text()), closeTo(30, 0.005));
      assertThat(percent(bond.selectFirst("td.after").text()), closeTo(30, 0.005));
      assertThat(bond.child(4).text(), is("± 5.00 pts"));
      assertThat(bond.child(7).text(), is("out of band"));
      assertThat(page.selectFirst("tr[data-class=CASH]").child(7).text(), is("not traded"));
      assertThat(page.selectFirst("tr[data-class=GOLD]").child(4).text(),
          is("none: not in the model"));
      Element vti = page.selectFirst("table.drifts tr[data-symbol=VTI]");
      assertThat(vti.selectFirst("td.target").text(), is(""));
      assertThat(percent(vti.selectFirst("td.after").text()), closeTo(40, 0.005));
      assertThat(vti.child(7).text(), is("traded by its class"));
    }
  }

  /** Each row's three weights by "item series", as the chart's bars are keyed. */
  private static Map<String, Double> stored(Warehouse w, String sql) throws Exception {
    Map<String, Double> out = new TreeMap<>();
    try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1) + " now", rs.getDouble(2));
        if (rs.getObject(3) != null) {
          out.put(rs.getString(1) + " target", rs.getDouble(3));
        }
        out.put(rs.getString(1) + " after", rs.getDouble(4));
      }
    }
    return out;
  }

  private static Map<String, Double> drawn(Document page, String item) {
    Map<String, Double> out = new TreeMap<>();
    for (Element bar : page.select("svg.chart rect.bar[" + item + "]")) {
      out.put(bar.attr(item) + " " + bar.attr("data-series"),
          Double.parseDouble(bar.attr("data-weight")));
    }
    return out;
  }

  private static double percent(String shown) {
    return Double.parseDouble(shown.substring(0, shown.length() - 1));
  }
}
