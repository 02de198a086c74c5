package io.rebalancer.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.rebalancer.config.ConfigLoader;
import io.rebalancer.config.PipelineConfig;
import io.rebalancer.core.RealizedGainTotals;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.io.RunRecord;
import io.rebalancer.io.StagedClassHousehold;
import io.rebalancer.io.StagedGainsHousehold;
import io.rebalancer.io.Warehouse;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdDetail;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Realised gains in the report, from a real warehouse (StagedGainsHousehold): the summary's line,
 * each household's sold lots with its taxable totals, the book's largest estimated gains; and a
 * run whose sells took no lot of known basis shows none of them.
 */
class RealizedGainsSectionTest {
  private static final LocalDate D = StagedGainsHousehold.D;

  @TempDir Path dir;

  private Warehouse loaded() throws Exception {
    Warehouse w = Warehouse.open(dir.resolve("w.duckdb"));
    w.loadRun(D, StagedGainsHousehold.stage(dir.resolve("staged"), UnaryOperator.identity()),
        run(D));
    return w;
  }

  private static RunRecord run(LocalDate date) {
    return new RunRecord("r1", date, Instant.now().minusSeconds(1), Instant.now(), "test",
        RunRecord.SUCCEEDED, 0, 0, 0, 0, 0, 0, "cfg", null, 0);
  }

  @Test
  void aHouseholdSectionListsTheLotsItsSellsTookAndItsTaxableTotals() throws Exception {
    try (Warehouse w = loaded()) {
      BookQueries book = new BookQueries(w.connection(), D);
      List<Household> worst = book.worst(10);
      Map<String, HouseholdDetail> details = new java.util.TreeMap<>();
      book.details(worst).forEach(d -> details.put(d.household().householdId(), d));
      // N sold shares of unknown basis only: nothing to show
      assertThat(details.get("N").gains(), is(List.of()));

      Document g = Jsoup.parse(new HouseholdSection(RebalanceRules.defaults())
          .render(details.get("G")).render());
      // by account and symbol, then as the sell took them: highest cost per share first
      assertThat(g.select("table.gains tbody tr").eachAttr("data-lot"),
          contains("L4", "L1", "L2", "L3", ""));
      Element l1 = g.selectFirst("table.gains tr[data-lot=L1]");
      assertThat(l1.attr("data-account"), is("B1/t1"));
      assertThat(l1.child(0).text(), is("B1 t1 taxable"));
      assertThat(l1.child(3).text(), is("short since 2026-11-01"));
      assertThat(l1.selectFirst("td.quantity").text(), is("10"));
      assertThat(l1.selectFirst("td.cost-basis").text(), is("1,200.00"));
      assertThat(l1.selectFirst("td.proceeds").text(), is("1,000.00"));
      assertThat(l1.selectFirst("td.gain").text(), is("-200.00"));
      assertThat(l1.child(8).text(), is("wash-sale risk"));
      Element l3 = g.selectFirst("table.gains tr[data-lot=L3]");
      assertThat(l3.child(3).text(), is("unknown"));
      assertThat(l3.selectFirst("td.quantity").text(), is("5"));
      assertThat(l3.selectFirst("td.cost-basis").text(), is("250.00"));
      assertThat(l3.child(8).text(), is(""));
      Element rest = g.select("table.gains tbody tr").stream()
          .filter(r -> r.attr("data-lot").isEmpty()).findFirst().orElseThrow();
      assertThat(rest.child(2).text(), is("rest of the holding"));
      assertThat(rest.selectFirst("td.cost-basis").text(), is("unknown"));
      assertThat(rest.selectFirst("td.gain").text(), is("unknown"));
      assertThat(g.selectFirst("table.gains tr[data-lot=L4]").child(0).text(),
          is("B1 i1 tax-deferred"));
      // taxable only: i1's +500.00 is not taxed now
      Element totals = g.selectFirst("p.gain-totals");
      assertThat(totals.text(), is("Estimated gain in taxable accounts: -200.00 short-term,"
          + " 200.00 long-term, 250.00 of unknown term"));
      assertThat(g.selectFirst("table.gains caption").text(), is("Realised gains: 5 lots sold"));
    }
  }

  @Test
  void theBookListsTheLargestEstimatedGainsAndTheWashSaleRisks() throws Exception {
    try (Warehouse w = loaded()) {
      BookQueries book = new BookQueries(w.connection(), D);
      RealizedGainTotals gains = new RunQueries(w.connection(), D).gains();
      assertThat(gains, is(new RealizedGainTotals(new BigDecimal("-200.00"),
          new BigDecimal("200.00"), new BigDecimal("250.00"), 1, 4)));
      Document page = Jsoup.parse(BookSection.render(book.totals(), book.ordersByBrokerage(),
          book.worst(10), book.largestDrifts(10), Map.of("G", 1L), gains,
          book.largestGains(Report.GAINS_LISTED)).render());
      Element table = page.selectFirst("table.largest-gains");
      assertThat(table.attr("data-wash-sale-lots"), is("1"));
      assertThat(table.selectFirst("caption").text(), containsString("1 taxable lot sold at risk"
          + " of a wash sale in the book"));
      assertThat(table.select("tbody tr").eachAttr("data-household"), contains("G"));
      Element g = table.selectFirst("tr[data-household=G]");
      assertThat(g.selectFirst("a").attr("href"), is("#" + HouseholdSection.anchor(1)));
      assertThat(List.of(g.selectFirst("td.short-term").text(),
          g.selectFirst("td.long-term").text(), g.selectFirst("td.unknown-term").text(),
          g.selectFirst("td.taxable-gain").text(), g.child(5).text(),
          g.selectFirst("td.wash-sale-lots").text()),
          is(List.of("-200.00", "200.00", "250.00", "250.00", "3", "1")));
    }
  }

  @Test
  void theSummarySaysWhatTheSellsRealised() throws Exception {
    try (Warehouse w = loaded()) {
      Document page = Jsoup.parse(Files.readString(report(w, D), StandardCharsets.UTF_8));
      assertThat(page.getElementById("run-gains").text(), is("estimated realised gains in"
          + " taxable accounts: -200.00 short-term, 200.00 long-term, 250.00 of unknown term"
          + " (4 lots of known basis sold, 1 taxable lot at risk of a wash sale)"));
      assertThat(page.select("section.household table.gains").size(), is(1));
      assertThat(page.select("table.largest-gains").size(), is(1));
    }
  }

  @Test
  void aRunWhoseSellsTookNoLotOfKnownBasisShowsNoGains() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // its two sells took their remainders, of unknown basis
      w.loadRun(D, StagedClassHousehold.stage(dir.resolve("staged"), D, Map.of()), run(D));
      assertThat(new RunQueries(w.connection(), D).gains().shown(), is(false));
      String html = Files.readString(report(w, D), StandardCharsets.UTF_8);
      Document page = Jsoup.parse(html);
      assertThat(page.getElementById("run-gains"), is((Element) null));
      assertThat(page.select("table.gains, table.largest-gains").size(), is(0));
      assertThat(html, not(containsString("realised")));
    }
  }

  private Path report(Warehouse w, LocalDate date) {
    PipelineConfig config = ConfigLoader.load(Path.of("pipelines/daily-rebalance.yaml"));
    return Report.write(w.connection(), config, date, "r1", dir.resolve("report.html"));
  }
}
