package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * asset_class_allocations of households on a class model in a real DuckDB file: their class
 * columns load and pass the checks, their symbol rows carry no target, and class rows that break
 * a check fail the run naming it and the table.
 */
class WarehouseClassAllocationsTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  /** asset_class_allocations cells: scope id, asset class, weight, post_trade_weight. */
  private static final int SCOPE_ID = 2;
  private static final int ASSET_CLASS = 4;
  private static final int WEIGHT = 6;
  private static final int POST_TRADE_WEIGHT = 10;

  @TempDir Path dir;

  private StagingArea stage(String name, Map<String, UnaryOperator<List<String>>> edits)
      throws IOException {
    return StagedClassHousehold.stage(dir.resolve(name), D, edits);
  }

  private static RunRecord run(String id) {
    return StagedHouseholds.run(id, D, Instant.now());
  }

  @Test
  void classRowsCarryTheTargetsAndLoadThroughEveryCheck() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, stage("ok", Map.of()), run("r1"));
      // C: EQUITY 700, BOND 100, CASH 100, GOLD 100 of 1000; after: 600, 300, 100, 0
      assertThat(StagedHouseholds.query(w.connection(), "SELECT asset_class || ' ' || weight"
          + " || ' ' || target_weight || ' ' || round(drift, 12) || ' ' || out_of_band || ' '"
          + " || post_trade_weight FROM asset_class_allocations WHERE scope_id = 'C'"
          + " ORDER BY asset_class"), is(List.of("BOND 0.1 0.3 -0.2 true 0.3",
              "CASH 0.1 0.1 0.0 false 0.1", "EQUITY 0.7 0.6 0.1 true 0.6",
              "GOLD 0.1 0.0 0.1 true 0.0")));
      assertThat(StagedHouseholds.query(w.connection(), "SELECT scope_id || ' ' || asset_class"
          + " || ' ' || weight || ' ' || post_trade_weight FROM asset_class_allocations"
          + " WHERE scope = 'account' AND scope_id <> 'B1/q1'"
          + " AND (weight <> 0 OR post_trade_weight <> 0) ORDER BY ALL"), is(List.of(
              "B1/c1 BOND 0.0 0.125", "B1/c1 CASH 0.125 0.125", "B1/c1 EQUITY 0.875 0.75",
              "B1/c2 BOND 0.5 1.0", "B1/c2 GOLD 0.5 0.0")));
      // the symbols of a class model have no target of their own
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM allocations"
          + " WHERE target_weight IS NOT NULL OR drift IS NOT NULL OR out_of_band"),
          is(List.of("0")));
      // Q trades nothing and keeps its weights
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM"
          + " asset_class_allocations WHERE scope_id IN ('Q', 'B1/q1')"
          + " AND post_trade_weight IS DISTINCT FROM weight"), is(List.of("0")));
    }
  }

  @Test
  void postTradeClassWeightsThatDoNotSumToOneFailTheRun() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // C's GOLD after its liquidation: 0.1 instead of 0, so C's classes sum to 1.1 after
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D,
          stage("off", classes(cells -> edit(cells, "C", "GOLD", POST_TRADE_WEIGHT, "0.1"))),
          run("r1")));
      assertThat(e.getMessage(), containsString("data-quality check allocations_weights_sum_to_one"
          + " failed for 2026-11-20: scope=household, scope_id=C"));
      assertThat(e.getMessage(), containsString("table_name=asset_class_allocations"));
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM"
          + " asset_class_allocations"), is(List.of("0")));
    }
  }

  @Test
  void classWeightsThatDoNotSumToOneFailTheRun() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D,
          stage("off", classes(cells -> edit(cells, "B1/c1", "EQUITY", WEIGHT, "0.9"))),
          run("r1")));
      assertThat(e.getMessage(), containsString("data-quality check allocations_weights_sum_to_one"
          + " failed for 2026-11-20: scope=account, scope_id=B1/c1"));
    }
  }

  @Test
  void aClassScopeWithoutOrdersWhosePostTradeWeightsDifferFailsTheRun() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // Q trades nothing; BOND and EQUITY swapped after trades still sum to 1
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D, stage("swapped",
          classes(cells -> edit(edit(cells, "Q", "BOND", POST_TRADE_WEIGHT, "0.6"), "Q",
              "EQUITY", POST_TRADE_WEIGHT, "0.3"))), run("r1")));
      assertThat(e.getMessage(), containsString(
          "data-quality check allocations_post_trade_weight_is_weight_without_orders failed for"
              + " 2026-11-20: scope=household, scope_id=Q, symbol=BOND"));
      assertThat(e.getMessage(), containsString("table_name=asset_class_allocations"));
    }
  }

  @Test
  void aSymbolWithoutATargetOnAScopeWithoutClassTargetsFailsTheNotNullCheck() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      // Q's class rows lose their targets: Q is then a scope on no class model, whose symbols
      // must have theirs
      InputException e = assertThrows(InputException.class, () -> w.loadRun(D, stage("untargeted",
          classes(cells -> !cells.get(SCOPE_ID).equals("Q") ? cells
              : withNulls(cells, 7, 8, 9, 10))), run("r1")));
      assertThat(e.getMessage(), containsString("data-quality check not_null_allocations("));
      assertThat(e.getMessage(), containsString("scope_id=Q"));
    }
  }

  @Test
  void theChangesSincePreviousRunWeighAClassModelsDriftByItsClasses() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      LocalDate before = D.minusDays(1);
      w.loadRun(before, StagedClassHousehold.stage(dir.resolve("before"), before, Map.of()),
          StagedHouseholds.run("r0", before, Instant.now().minusSeconds(60)));
      w.loadRun(D, stage("now", Map.of()), run("r1"));
      // C's symbols have no drift; its classes' largest is BOND's 0.2, out of band both days
      assertThat(StagedHouseholds.query(w.connection(), "SELECT concat_ws(' ', change,"
          + " household_id, round(max_abs_drift, 12), round(previous_max_abs_drift, 12))"
          + " FROM changes_since_previous_run ORDER BY ALL"),
          is(List.of("drift C 0.2 0.2", "drift Q 0.0 0.0")));
    }
  }

  private static Map<String, UnaryOperator<List<String>>> classes(
      UnaryOperator<List<String>> edit) {
    return Map.of("asset_class_allocations", edit);
  }

  /** The class row of (scope id, class) with its cell at index set to value. */
  private static List<String> edit(List<String> cells, String scopeId, String assetClass,
      int index, String value) {
    if (!cells.get(SCOPE_ID).equals(scopeId) || !cells.get(ASSET_CLASS).equals(assetClass)) {
      return cells;
    }
    List<String> out = new ArrayList<>(cells);
    out.set(index, value);
    return out;
  }

  private static List<String> withNulls(List<String> cells, int... indexes) {
    List<String> out = new ArrayList<>(cells);
    for (int i : indexes) {
      out.set(i, null);
    }
    return out;
  }
}
