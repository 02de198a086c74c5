package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * allocations.post_trade_weight in a real DuckDB file: what the core computes loads and passes its
 * checks, rows that break them fail the run naming the check, and an older file gains the column.
 */
class WarehousePostTradeTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;

  /**
   * Two households, as the core computes them; edit rewrites allocation rows. H: a1 holds A 70
   * and C 10 (not in the model), a2 200 of cash, V 1000. It sells 20 A and all of C and buys 40
   * B, held nowhere: 30 on a1 (its 300 of proceeds), 10 on a2. G (a3) is on its model: no orders.
   */
  private StagingArea stage(String name, UnaryOperator<List<String>> edit) throws IOException {
    return StagedHouseholds.stage(dir.resolve(name), D, edit, "H: a1 A 70 C 10; a2 CASH 200",
        "G: a3 A 50 B 40 CASH 100");
  }

  private static RunRecord run(String id) {
    return StagedHouseholds.run(id, D, Instant.now());
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    return StagedHouseholds.query(c, sql);
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
