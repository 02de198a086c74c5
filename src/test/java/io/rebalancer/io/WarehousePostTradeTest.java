package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountAnalyzer;
import io.rebalancer.core.AccountInfo;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AfterTrades;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Holding;
import io.rebalancer.core.HouseholdPlan;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Model;
import io.rebalancer.core.PriceBook;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.PriceSeries;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Rebalancer;
import io.rebalancer.core.TargetWeight;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * allocations.post_trade_weight in a real DuckDB file: what the core computes loads and passes its
 * checks, rows that break them fail the run naming the check, and an older file gains the column.
 */
class WarehousePostTradeTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final RebalanceRules RULES = RebalanceRules.defaults();
  private static final Model MODEL = new Model("m", List.of(
      new TargetWeight("A", new BigDecimal("0.5")), new TargetWeight("B", new BigDecimal("0.4")),
      new TargetWeight("CASH", new BigDecimal("0.1"))));
  private static final PriceBook PRICES = new PriceBook(List.of(
      new PriceSeries("B", List.of(new PricePoint(D, new BigDecimal("10"))))));

  @TempDir Path dir;

  /** A household's accounts, each "account SYMBOL quantity ...", every position at 10. */
  private static List<AccountAnalysis> household(String id, String... accountHoldings) {
    List<AccountAnalysis> out = new ArrayList<>();
    for (String spec : accountHoldings) {
      String[] parts = spec.split(" ");
      List<Holding> rows = new ArrayList<>();
      for (int i = 1; i < parts.length; i += 2) {
        boolean cash = parts[i].equals("CASH");
        rows.add(new Holding("B1", parts[0], parts[i], new BigDecimal(parts[i + 1]),
            cash ? BigDecimal.ONE : BigDecimal.TEN, cash ? "CASH" : "EQUITY", cash, "B1",
            "/in/" + parts[0] + ".csv", i));
      }
      out.add(AccountAnalyzer.analyze(new AccountInfo(new AccountKey("B1", parts[0]), id, "m",
          BigDecimal.ZERO), rows, PRICES));
    }
    return out;
  }

  /**
   * Stages every row the pipeline writes for two households, as the core computes them; edit
   * rewrites allocation rows. H: a1 holds A 70 and C 10 (not in the model), a2 200 of cash, V
   * 1000. It sells 20 A and all of C and buys 40 B, held nowhere: 30 on a1 (its 300 of
   * proceeds), 10 on a2. G (a3) is on its model: no orders.
   */
  private StagingArea stage(String name, UnaryOperator<List<String>> edit) throws IOException {
    Map<String, List<String>> lines = new TreeMap<>();
    for (List<AccountAnalysis> accounts : List.of(household("H", "a1 A 70 C 10", "a2 CASH 200"),
        household("G", "a3 A 50 B 40 CASH 100"))) {
      String id = accounts.get(0).householdId();
      HouseholdPlan plan = new Rebalancer(RULES).rebalance(id, MODEL, accounts, PRICES);
      List<WarehouseRow> rows = new ArrayList<>();
      for (AccountAnalysis a : accounts) {
        a.positions().forEach(p -> rows.add(WarehouseRows.holding(D, a, p)));
        rows.add(WarehouseRows.metrics(D, a));
      }
      plan.orders().forEach(o -> rows.add(WarehouseRows.order(D, o)));
      List<Allocation> allocations = new ArrayList<>(plan.allocations());
      allocations.addAll(AfterTrades.accountAllocations(accounts, plan.orders(), MODEL, RULES));
      allocations.forEach(al -> rows.add(WarehouseRows.allocation(D, id, al)));
      for (WarehouseRow r : rows) {
        List<String> cells = r.table().equals("allocations") ? edit.apply(r.cells()) : r.cells();
        lines.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(StagedCsv.line(cells));
      }
    }
    StagingArea staging = StagingArea.create(dir.resolve(name), "run");
    Files.createDirectories(staging.tables());
    for (var e : lines.entrySet()) {
      Files.write(staging.tables().resolve(e.getKey() + "-part-00000-of-00001.csv"), e.getValue());
    }
    return staging;
  }

  private static RunRecord run(String id) {
    return new RunRecord(id, D, Instant.now(), Instant.now(), "test", RunRecord.SUCCEEDED, 0, 0,
        3, 2, 4, 0, "cfg", null, 0);
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void theCoresPostTradeWeightsLoadAndPassTheirChecks() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, stage("ok", UnaryOperator.identity()), run("r1"));
      assertThat(query(w.connection(), "SELECT side || ' ' || symbol || ' '"
          + " || CAST(CAST(quantity AS INTEGER) AS VARCHAR) FROM trade_orders ORDER BY ALL"),
          is(List.of("BUY B 10", "BUY B 30", "SELL A 20", "SELL C 10")));
      // H: A 500, B 400 bought new, C sold whole, cash 200 + 300 - 400 = 100, of 1000
      assertThat(query(w.connection(), "SELECT symbol || ' ' || weight || ' ' || post_trade_weight"
          + " FROM allocations WHERE scope_id = 'H' ORDER BY symbol"),
          is(List.of("A 0.7 0.5", "B 0.0 0.4", "C 0.1 0.0", "CASH 0.2 0.1")));
      // a1: A 500, B 300, C 0, cash 0 of 800; a2: B 100 and cash 100 of 200, a CASH row and a B
      // row though it held no B
      assertThat(query(w.connection(), "SELECT scope_id || ' ' || symbol || ' ' || weight || ' '"
          + " || post_trade_weight FROM allocations WHERE scope = 'account' AND scope_id <> 'B1/a3'"
          + " ORDER BY scope_id, symbol"), is(List.of("B1/a1 A 0.875 0.625",
              "B1/a1 B 0.0 0.375", "B1/a1 C 0.125 0.0", "B1/a1 CASH 0.0 0.0", "B1/a2 A 0.0 0.0",
              "B1/a2 B 0.0 0.5", "B1/a2 CASH 1.0 0.5")));
      assertThat(query(w.connection(), "SELECT count(*) FROM allocations WHERE scope_id IN"
          + " ('G', 'B1/a3') AND post_trade_weight <> weight"), is(List.of("0")));
    }
  }

  @Test
  void postTradeWeightsThatDoNotSumToOneFailTheRun() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // H's C row after the liquidation: 0.1 instead of 0, so H's post-trade weights sum to 1.1
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D,
          stage("off", cells -> edit(cells, "H", "C", 10, "0.1")), run("r1")));
      assertThat(e.getMessage(), containsString("data-quality check allocations_weights_sum_to_one"
          + " failed for 2026-11-20: scope=household, scope_id=H"));
      assertThat(query(w.connection(), "SELECT count(*) FROM allocations"), is(List.of("0")));
    }
  }

  @Test
  void aScopeWithoutOrdersWhosePostTradeWeightDiffersFailsTheRun() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // G trades nothing; A and B swapped after trades still sum to 1, but cannot differ at all
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D,
          stage("swapped", cells -> edit(edit(cells, "G", "A", 10, "0.4"), "G", "B", 10, "0.5")),
          run("r1")));
      assertThat(e.getMessage(), containsString(
          "data-quality check allocations_post_trade_weight_is_weight_without_orders failed for"
              + " 2026-11-20: scope=household, scope_id=G, symbol=A"));
    }
  }

  @Test
  void aWarehouseWithoutTheColumnGainsItAndKeepsItsRows() throws Exception {
    Path file = dir.resolve("old.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      // allocations as written before post_trade_weight
      s.execute("CREATE TABLE allocations (run_date DATE, scope VARCHAR, scope_id VARCHAR,"
          + " household_id VARCHAR, symbol VARCHAR, market_value DECIMAL(38,18), weight DOUBLE,"
          + " target_weight DOUBLE, drift DOUBLE, out_of_band BOOLEAN)");
      s.execute("INSERT INTO allocations VALUES (DATE '2026-11-19', 'household', 'H', 'H', 'A',"
          + " 1000, 1.0, 0.5, 0.5, true)");
    }
    try (Warehouse w = Warehouse.open(file)) {
      // an older run's orders were never applied to its weights: unknown, not its weight
      assertThat(query(w.connection(), "SELECT coalesce(CAST(post_trade_weight AS VARCHAR),"
          + " 'NULL') FROM allocations"), is(List.of("NULL")));
      w.loadRun(D, stage("new", UnaryOperator.identity()), run("r1"));
      assertThat(query(w.connection(), "SELECT run_date || ' ' || coalesce(CAST(post_trade_weight"
          + " AS VARCHAR), 'NULL') FROM allocations WHERE scope_id = 'H' AND symbol = 'A'"
          + " ORDER BY run_date"), is(List.of("2026-11-19 NULL", "2026-11-20 0.5")));
    }
  }

  /** The allocation row of (scope id, symbol) with its cell at index set to value. */
  private static List<String> edit(List<String> cells, String scopeId, String symbol, int index,
      String value) {
    if (!cells.get(2).equals(scopeId) || !cells.get(4).equals(symbol)) {
      return cells;
    }
    List<String> out = new ArrayList<>(cells);
    out.set(index, value);
    return out;
  }
}
