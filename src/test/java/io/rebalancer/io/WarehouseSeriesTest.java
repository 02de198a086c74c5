package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.Position;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.SeriesAnalytics;
import io.rebalancer.core.SeriesPoint;
import io.rebalancer.core.ValueSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four series views, computed by DuckDB from holdings and prices, equal SeriesAnalytics over
 * ValueSeries (the per-account analysis's own series) for accounts and households alike.
 */
class WarehouseSeriesTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);
  private static final LocalDate FIRST = RUN.minusDays(59);
  private static final double TOLERANCE = 1e-9;

  @TempDir Path dir;

  /** Closes of four symbols over 60 days and 5 days past the run date, with gaps. */
  private static Map<String, List<PricePoint>> history() {
    Map<String, List<PricePoint>> closes = new TreeMap<>();
    for (int d = 0; d < 65; d++) {
      LocalDate date = FIRST.plusDays(d);
      if (d % 7 != 3) { // AAA misses every seventh date
        add(closes, "AAA", date, 100 + 7 * Math.sin(d / 3.0));
      }
      if (d % 11 != 5 && d != 40) { // BBB misses others
        add(closes, "BBB", date, 40 + 3 * Math.cos(d / 4.0) + d * 0.05);
      }
      if (d == 10 || d == 30) { // CCC closes twice only
        add(closes, "CCC", date, 12.5 + d);
      }
      if (d >= 20) { // DDD starts late
        add(closes, "DDD", date, 25 - d * 0.2);
      }
      // EEE jumps on the run date, FFF spikes once in the middle
      add(closes, "EEE", date, d == 59 ? 30 : 10 + d * 0.01);
      add(closes, "FFF", date, d == 30 ? 30 : 10 + d * 0.01);
    }
    return closes;
  }

  private static void add(Map<String, List<PricePoint>> closes, String symbol, LocalDate date,
      double close) {
    closes.computeIfAbsent(symbol, s -> new ArrayList<>())
        .add(new PricePoint(date, BigDecimal.valueOf(close).setScale(4, RoundingMode.HALF_EVEN)));
  }

  private static PriceBook upTo(LocalDate runDate, Map<String, List<PricePoint>> closes) {
    List<PriceSeries> series = new ArrayList<>();
    closes.forEach((s, points) -> series.add(new PriceSeries(s,
        points.stream().filter(p -> !p.date().isAfter(runDate)).toList())));
    return new PriceBook(series);
  }

  private static Position stock(String symbol, String quantity) {
    BigDecimal q = new BigDecimal(quantity);
    return new Position(symbol, "EQUITY", q, BigDecimal.TEN, q.multiply(BigDecimal.TEN), false);
  }

  private static Position cash(String symbol, String amount) {
    BigDecimal a = new BigDecimal(amount);
    return new Position(symbol, "CASH", a, BigDecimal.ONE, a, true);
  }

  private static AccountAnalysis account(String brokerage, String id, String household,
      Position... positions) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal cash = BigDecimal.ZERO;
    for (Position p : positions) {
      total = total.add(p.marketValue());
      cash = p.cash() ? cash.add(p.marketValue()) : cash;
    }
    return new AccountAnalysis(new AccountKey(brokerage, id), household, "m", BigDecimal.ZERO,
        total, cash, total.subtract(cash), positions.length, null, null, null, null,
        List.of(positions));
  }

  /** Accounts with gaps, a short, a pooled-away symbol, cash only, a never-closing symbol. */
  private static List<AccountAnalysis> book() {
    return List.of(
        account("B1", "A1", "H1", stock("AAA", "10"), stock("BBB", "5.5"), cash("CASH", "100")),
        // short AAA; its BBB cancels A1's, so H1 values on AAA's dates alone
        account("B1", "A2", "H1", stock("AAA", "-3"), stock("BBB", "-5.5"),
            cash("CASH", "2500.25")),
        account("B2", "A3", "H2", cash("CASH", "250"), cash("SPAXX", "50.5")),
        account("B2", "A4", "H2", stock("ZZZ", "4"), cash("CASH", "10")),
        account("B3", "A5", "H3", stock("CCC", "2"), stock("AAA", "0")),
        account("B3", "A6", "H4", stock("DDD", "3"), stock("AAA", "1.25")),
        // worth less than nothing: no returns, no series
        account("B4", "A7", "H5", stock("AAA", "-20"), cash("CASH", "100")),
        // short EEE: worth nothing on the last date only, which leaves its series whole
        account("B4", "A8", "H6", stock("EEE", "-5"), cash("CASH", "100")),
        // short FFF: worth less than nothing in the middle, which leaves no series
        account("B4", "A9", "H7", stock("FFF", "-5"), cash("CASH", "100")));
  }

  private StagingArea stage(String name, LocalDate runDate, List<AccountAnalysis> accounts,
      Map<String, List<PricePoint>> closes) throws IOException {
    StagingArea staging = StagingArea.create(dir.resolve(name), "run");
    Files.createDirectories(staging.tables());
    List<String> holdings = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    for (AccountAnalysis a : accounts) {
      a.positions().forEach(p -> holdings.add(line(WarehouseRows.holding(runDate, a, p))));
      metrics.add(line(WarehouseRows.metrics(runDate, a)));
    }
    List<String> prices = new ArrayList<>();
    closes.forEach((s, points) -> points.forEach(p -> prices.add(line(WarehouseRows.price(s, p)))));
    Files.write(staging.tables().resolve("holdings-part-00000-of-00001.csv"), holdings);
    Files.write(staging.tables().resolve("portfolio_metrics-part-00000-of-00001.csv"), metrics);
    Files.write(staging.tables().resolve("prices-part-00000-of-00001.csv"), prices);
    return staging;
  }

  private static String line(WarehouseRow row) {
    return StagedCsv.line(row.cells());
  }

  private static RunRecord run(String id, LocalDate date) {
    return new RunRecord(id, date, Instant.now(), Instant.now(), "test", RunRecord.SUCCEEDED, 1,
        0, 1, 1, 0, 0, "cfg", null, 0);
  }

  /** Each scope's expected series, by the domain code. */
  private static Map<String, List<SeriesPoint>> expected(List<AccountAnalysis> accounts,
      PriceBook prices) {
    Map<String, List<SeriesPoint>> out = new LinkedHashMap<>();
    Map<String, List<AccountAnalysis>> households = new TreeMap<>();
    for (AccountAnalysis a : accounts) {
      out.put("account/" + a.key(), SeriesAnalytics.of(
          ValueSeries.of(a.investedQuantities(), a.cashValue(), prices)));
      households.computeIfAbsent(a.householdId(), h -> new ArrayList<>()).add(a);
    }
    households.forEach((h, members) -> out.put("household/" + h,
        SeriesAnalytics.of(ValueSeries.ofHousehold(members, prices))));
    return out;
  }

  @Test
  void everySeriesViewEqualsTheDomainSeriesOfEachAccountAndHousehold() throws Exception {
    Map<String, List<PricePoint>> closes = history();
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(RUN, stage("a", RUN, book(), closes), run("r1", RUN));
      Map<String, List<SeriesPoint>> expected = expected(book(), upTo(RUN, closes));
      assertSeries(w, RUN, expected);
      // the cases the book is there for
      assertThat(expected.get("account/B2/A4").isEmpty(), is(true));
      assertThat(expected.get("account/B4/A7").isEmpty(), is(true));
      assertThat(expected.get("household/H1").size(), is(51));
      assertThat(expected.get("account/B1/A1").size() < 51, is(true));
      assertThat(expected.get("account/B2/A3").size(), is(60));
      assertThat(expected.get("account/B3/A5").size(), is(2));
      assertThat(expected.get("account/B4/A8").size(), is(60));
      assertThat(expected.get("account/B4/A9").isEmpty(), is(true));
    }
  }

  @Test
  void aLaterRunUpsertsItsClosesAndEachRunDateKeepsItsOwnSeries() throws Exception {
    Map<String, List<PricePoint>> closes = history();
    LocalDate earlier = RUN.minusDays(10);
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      Map<String, List<PricePoint>> first = new TreeMap<>();
      closes.forEach((s, p) -> first.put(s, p.stream()
          .filter(x -> !x.date().isAfter(earlier)).toList()));
      w.loadRun(earlier, stage("a", earlier, book(), first), run("r1", earlier));
      // the later run corrects one close the earlier one read
      List<PricePoint> aaa = new ArrayList<>(closes.get("AAA"));
      PricePoint old = aaa.get(5);
      aaa.set(5, new PricePoint(old.date(), old.close().add(new BigDecimal("1.5"))));
      closes.put("AAA", aaa);
      List<AccountAnalysis> later = book().subList(0, 3);
      w.loadRun(RUN, stage("b", RUN, later, closes), run("r2", RUN));

      assertThat(count(w, "SELECT count(*) FROM prices"),
          is((long) closes.values().stream().mapToInt(List::size).sum()));
      assertThat(count(w, "SELECT count(*) FROM prices WHERE symbol = 'AAA' AND value_date = DATE '"
          + old.date() + "' AND close = " + aaa.get(5).close()), is(1L));
      assertSeries(w, RUN, expected(later, upTo(RUN, closes)));
      assertSeries(w, earlier, expected(book(), upTo(earlier, closes)));
    }
  }

  private static long count(Warehouse w, String sql) throws SQLException {
    try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertSeries(Warehouse w, LocalDate runDate,
      Map<String, List<SeriesPoint>> expected) throws SQLException {
    for (Map.Entry<String, List<SeriesPoint>> e : expected.entrySet()) {
      String scope = e.getKey().substring(0, e.getKey().indexOf('/'));
      String scopeId = e.getKey().substring(scope.length() + 1);
      List<SeriesPoint> all = e.getValue();
      assertView(w, "cumulative_returns", "cumulative_return", runDate, scope, scopeId, all,
          p -> true, SeriesPoint::cumulativeReturn);
      assertView(w, "drawdown", "drawdown", runDate, scope, scopeId, all, p -> true,
          SeriesPoint::drawdown);
      assertView(w, "daily_returns", "daily_return", runDate, scope, scopeId, all,
          p -> p.dailyReturn() != null, SeriesPoint::dailyReturn);
      assertView(w, "rolling_volatility", "volatility", runDate, scope, scopeId, all,
          p -> p.rollingVolatility() != null, SeriesPoint::rollingVolatility);
    }
  }

  private static void assertView(Warehouse w, String view, String column, LocalDate runDate,
      String scope, String scopeId, List<SeriesPoint> all, Predicate<SeriesPoint> shown,
      java.util.function.Function<SeriesPoint, Double> statistic) throws SQLException {
    List<SeriesPoint> want = all.stream().filter(shown).toList();
    String what = view + " of " + scope + " " + scopeId + " on " + runDate;
    try (PreparedStatement ps = w.connection().prepareStatement("SELECT value_date,"
        + " portfolio_value, " + column + " FROM " + view + " WHERE run_date = ? AND scope = ?"
        + " AND scope_id = ? ORDER BY value_date")) {
      ps.setObject(1, runDate);
      ps.setString(2, scope);
      ps.setString(3, scopeId);
      try (ResultSet rs = ps.executeQuery()) {
        int i = 0;
        while (rs.next()) {
          assertThat(what + ": more rows than " + want.size(), i < want.size(), is(true));
          SeriesPoint p = want.get(i++);
          assertThat(what, rs.getObject(1, LocalDate.class), is(p.date()));
          assertThat(what + " " + p.date(), rs.getBigDecimal(2),
              is(p.value().setScale(10, RoundingMode.HALF_EVEN)));
          Object got = rs.getObject(3);
          assertThat(what + " " + p.date(), got == null, is(false));
          assertThat(what + " " + p.date(), ((Number) got).doubleValue(),
              closeTo(statistic.apply(p), TOLERANCE));
        }
        assertThat(what + ": rows", i, is(want.size()));
      }
    }
  }

  @Test
  void nothingOutsideTheBookHasASeries() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(RUN, stage("a", RUN, book(), history()), run("r1", RUN));
      long scopes = expected(book(), upTo(RUN, history())).values().stream()
          .filter(s -> !s.isEmpty()).count();
      assertThat(count(w, "SELECT count(DISTINCT scope || scope_id) FROM drawdown"), is(scopes));
      assertThat(count(w, "SELECT count(*) FROM drawdown WHERE value_date > run_date"), is(0L));
      assertThat(count(w, "SELECT count(*) FROM drawdown WHERE drawdown < 0"), is(0L));
      try (Statement s = w.connection().createStatement();
          ResultSet rs = s.executeQuery("SELECT min(volatility) FROM rolling_volatility"
              + " WHERE scope = 'account' AND scope_id = 'B3/A5'")) {
        rs.next();
        assertThat(rs.getObject(1), is(nullValue()));
      }
    }
  }
}
