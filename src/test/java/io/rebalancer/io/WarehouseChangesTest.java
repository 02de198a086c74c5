package io.rebalancer.io;

import static io.rebalancer.io.StagedHouseholds.query;
import static io.rebalancer.io.StagedHouseholds.run;
import static io.rebalancer.io.StagedHouseholds.stage;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latest_successful_run and changes_since_previous_run on a real DuckDB file of several runs. */
class WarehouseChangesTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 19);
  private static final LocalDate D2 = LocalDate.of(2026, 11, 20);
  private static final Instant T = Instant.parse("2026-11-20T22:00:00Z");

  /**
   * D1: H is out of band (A 0.7, B 0, C 0.1 outside the model: max |drift| 0.4) and trades; G is
   * on its model; K (A only) trades and is gone by D2.
   */
  private static final String[] DAY_1 = {"H: a1 A 70 C 10; a2 CASH 200",
      "G: a3 A 50 B 40 CASH 100", "K: a4 A 100"};
  /**
   * D2: H holds what its D1 orders left (on its model: back in band), G drifted (A 0.7, B 0.2:
   * out of band, 0.2), N is new (B only: 0.6).
   */
  private static final String[] DAY_2 = {"H: a1 A 50 B 30; a2 B 10 CASH 100",
      "G: a3 A 70 B 20 CASH 100", "N: a5 B 100"};

  private static final String CHANGES = "SELECT concat_ws(' ', change, household_id,"
      + " brokerage_id || '/' || account_id, side, symbol, CAST(quantity AS INTEGER),"
      + " CAST(previous_quantity AS INTEGER), max_abs_drift, previous_max_abs_drift,"
      + " round(drift_change, 12)) FROM changes_since_previous_run ORDER BY ALL";

  @TempDir Path dir;

  @Test
  void theLatestSuccessfulRunIsOfTheLatestRunDateNotTheLatestFinished() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D2, stage(dir.resolve("d2"), D2, DAY_2), run("r-d2", D2, T));
      // an older date re-run later, then a later date that failed: neither is the latest
      w.loadRun(D1, stage(dir.resolve("d1"), D1, DAY_1), run("r-d1", D1, T.plusSeconds(3600)));
      w.recordFailure(RunRecord.failed("r-d3", D2.plusDays(1), T.plusSeconds(7200), "test",
          "cfg", "boom"));
      assertThat(query(w.connection(), "SELECT run_id FROM latest_successful_run"),
          is(List.of("r-d2")));
      // and a re-run of the latest date, later still, is its last successful run
      w.loadRun(D2, stage(dir.resolve("d2b"), D2, DAY_2), run("r-d2b", D2, T.plusSeconds(9000)));
      assertThat(query(w.connection(), "SELECT run_id FROM latest_successful_run"),
          is(List.of("r-d2b")));
    }
  }

  @Test
  void changesFromThePreviousRunDate() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D1, stage(dir.resolve("d1"), D1, DAY_1), run("r-d1", D1, T));
      assertThat("no previous run date: nothing to compare",
          query(w.connection(), CHANGES), is(empty()));
      w.loadRun(D2, stage(dir.resolve("d2"), D2, DAY_2), run("r-d2", D2, T.plusSeconds(60)));
      List<String> expected = List.of(
          "back_in_band H 0.0 0.4 -0.4",
          "drift G 0.2 0.0 0.2",
          "drift H 0.0 0.4 -0.4",
          "drift N 0.6",
          "gone_order H B1/a1 BUY B 30",
          "gone_order H B1/a1 SELL A 20",
          "gone_order H B1/a1 SELL C 10",
          "gone_order H B1/a2 BUY B 10",
          "gone_order K B1/a4 BUY B 40",
          "gone_order K B1/a4 SELL A 50",
          "new_order G B1/a3 BUY B 20",
          "new_order G B1/a3 SELL A 20",
          "new_order N B1/a5 BUY A 50",
          "new_order N B1/a5 SELL B 60",
          "went_out_of_band G 0.2 0.0 0.2");
      assertThat(query(w.connection(), CHANGES), is(expected));
      assertThat(query(w.connection(), "SELECT DISTINCT run_date || ' vs ' || previous_run_date"
          + " FROM changes_since_previous_run"), is(List.of("2026-11-20 vs 2026-11-19")));

      // Re-running D1 later changes neither the latest run nor what it is compared with.
      w.loadRun(D1, stage(dir.resolve("d1b"), D1, DAY_1), run("r-d1b", D1, T.plusSeconds(600)));
      assertThat(query(w.connection(), CHANGES), is(expected));
    }
  }
}
