package io.rebalancer.io;

import static io.rebalancer.io.StagedGainsHousehold.D;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import io.rebalancer.core.Side;
import io.rebalancer.core.UnplacedTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * realized_gains in a real DuckDB file: its rows load as staged and pass every check,
 * household_realized_gains estimates each household's taxable gain, and a warehouse broken in
 * each way a check guards fails the run naming the check (see StagedGainsHousehold).
 */
class WarehouseRealizedGainsTest {
  /** realized_gains cells: order_id, lot_id, quantity, cost_basis, proceeds, gain. */
  private static final int ORDER_ID = 1;
  private static final int LOT_ID = 7;
  private static final int QUANTITY = 9;
  private static final int COST_BASIS = 10;
  private static final int PROCEEDS = 11;
  private static final int GAIN = 12;

  @TempDir Path dir;

  private StagingArea stage(String name, UnaryOperator<List<WarehouseRow>> edit)
      throws IOException {
    return StagedGainsHousehold.stage(dir.resolve(name), edit);
  }

  private static RunRecord run(String id) {
    return StagedHouseholds.run(id, D, Instant.now());
  }

  @Test
  void soldLotsLoadAsStagedAndPassEveryCheck() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      int checks = w.loadRun(D, stage("ok", UnaryOperator.identity()), run("r1"));
      assertThat(checks, is(QualityChecks.names().size()));
      assertThat(StagedHouseholds.query(w.connection(), "SELECT concat_ws(' ', account_id,"
          + " account_type, symbol, lot_id, open_date, quantity::DOUBLE, cost_basis, proceeds,"
          + " gain, term, wash_sale_risk) FROM realized_gains WHERE household_id = 'G'"
          + " ORDER BY account_id, lot_id"), is(List.of(
              "i1 tax-deferred VTI L4 2025-06-01 10.0 500.00 1000.00 500.00 long false",
              "t1 taxable VTI L1 2026-11-01 10.0 1200.00 1000.00 -200.00 short true",
              "t1 taxable VTI L2 2024-01-02 10.0 800.00 1000.00 200.00 long false",
              "t1 taxable VTI L3 5.0 250.00 500.00 250.00 unknown false",
              "t2 taxable XUS  3.0 300.00 unknown false")));
      // the remainder's lot id is empty, not NULL; its basis, gain and date are NULL
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM realized_gains"
          + " WHERE lot_id = '' AND cost_basis IS NULL AND gain IS NULL AND open_date IS NULL"),
          is(List.of("2")));
      // each row is of its sell order
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM realized_gains g"
          + " JOIN trade_orders o USING (run_date, order_id) WHERE o.side = 'SELL'"
          + " AND o.account_id = g.account_id AND o.symbol = g.symbol"), is(List.of("6")));
    }
  }

  @Test
  void aSellLeftUnplacedForTwoReasonsIsTwoRowsThatPassTheChecks() throws Exception {
    // avoidance kept some shares and only a frozen account holds the rest: one sell, two rows
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, stage("two", rows -> {
        List<WarehouseRow> more = new ArrayList<>(rows);
        more.add(WarehouseRows.unplaced(D, new UnplacedTrade("G", "VTI", Side.SELL,
            new BigDecimal("10"), UnplacedTrade.SHORT_TERM_GAIN_AVOIDED)));
        more.add(WarehouseRows.unplaced(D, new UnplacedTrade("G", "VTI", Side.SELL,
            new BigDecimal("80"), UnplacedTrade.NO_ACCOUNT_MAY_SELL)));
        return more;
      }), run("r1"));
      assertThat(StagedHouseholds.query(w.connection(), "SELECT concat_ws(' ', quantity::INT,"
          + " reason) FROM unplaced_trades ORDER BY quantity"), is(List.of(
              "10 short-term gain avoided", "80 no account may sell")));
    }
  }

  @Test
  void theViewEstimatesEachHouseholdsTaxableGainWhereSomeLotHadAKnownBasis() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, stage("ok", UnaryOperator.identity()), run("r1"));
      // G: t1's short L1 -200, long L2 +200, undated L3 +250; t2's 3 XUS of unknown basis; i1's
      // +500 is tax-deferred, not counted. N sold only shares of unknown basis: no row.
      assertThat(StagedHouseholds.query(w.connection(), "SELECT concat_ws(' ', run_date,"
          + " household_id, short_term_gain, long_term_gain, unknown_term_gain, taxable_gain,"
          + " unknown_basis_shares::DOUBLE, wash_sale_lots) FROM household_realized_gains"),
          is(List.of("2026-11-20 G -200.00 200.00 250.00 250.00 3.0 1")));
    }
  }

  @Test
  void aLotSoldTwiceFailsTheRunAsADuplicateKey() throws Exception {
    InputException e = failed(rows -> {
      List<WarehouseRow> out = new ArrayList<>(rows);
      out.add(gainRow(rows, "L2"));
      return out;
    });
    assertThat(e.getMessage(), containsString("data-quality check"
        + " unique_realized_gains(run_date, order_id, lot_id) failed for 2026-11-20"));
  }

  @Test
  void aLotWithoutProceedsFailsTheRun() throws Exception {
    InputException e = failed(edit("L2", PROCEEDS, null));
    assertThat(e.getMessage(), containsString("data-quality check not_null_realized_gains("));
    assertThat(e.getMessage(), containsString("lot_id=L2"));
  }

  @Test
  void lotsThatDoNotAddUpToTheirSellFailTheRun() throws Exception {
    InputException e = failed(edit("L3", QUANTITY, "4"));
    assertThat(e.getMessage(), containsString("data-quality check sells_within_holdings failed"
        + " for 2026-11-20: brokerage_id=B1, account_id=t1, symbol=VTI, order_id="
        + StagedGainsHousehold.T1_VTI.orderId(D) + ", problem=realized_gains rows of"
        + " 24.000000000000000000 shares, not 25.000000000000000000"));
  }

  @Test
  void aSellWithoutLotsFailsTheRun() throws Exception {
    InputException e = failed(rows -> rows.stream().filter(r -> !isGain(r, "L4")).toList());
    assertThat(e.getMessage(), containsString("data-quality check sells_within_holdings failed"
        + " for 2026-11-20: brokerage_id=B1, account_id=i1, symbol=VTI, order_id="
        + StagedGainsHousehold.I1_VTI.orderId(D) + ", problem=no realized_gains rows"));
  }

  @Test
  void aLotOfNoSellOrderFailsTheRun() throws Exception {
    // L4's row under an order id no order has: i1's sell keeps its rows, this one has no sell
    InputException e = failed(rows -> {
      List<WarehouseRow> out = new ArrayList<>(rows);
      WarehouseRow l4 = gainRow(rows, "L4");
      List<String> cells = new ArrayList<>(l4.cells());
      cells.set(ORDER_ID, "no-such-order");
      out.add(new WarehouseRow(l4.table(), cells));
      return out;
    });
    assertThat(e.getMessage(), containsString("data-quality check sells_within_holdings failed"
        + " for 2026-11-20: brokerage_id=B1, account_id=i1, symbol=VTI, order_id=no-such-order,"
        + " problem=realized_gains rows without their SELL order"));
  }

  @Test
  void aGainOffByACentFailsTheRun() throws Exception {
    InputException e = failed(edit("L2", GAIN, "200.01"));
    assertThat(e.getMessage(), containsString("data-quality check"
        + " realized_gains_gain_is_proceeds_less_cost_basis failed for 2026-11-20: order_id="
        + StagedGainsHousehold.T1_VTI.orderId(D) + ", lot_id=L2, proceeds=1000.00,"
        + " cost_basis=800.00, gain=200.01"));
  }

  @Test
  void aKnownBasisWithoutItsGainFailsTheRun() throws Exception {
    InputException e = failed(edit("L1", GAIN, null));
    assertThat(e.getMessage(), containsString("realized_gains_gain_is_proceeds_less_cost_basis"
        + " failed for 2026-11-20: order_id=" + StagedGainsHousehold.T1_VTI.orderId(D)
        + ", lot_id=L1, proceeds=1000.00, cost_basis=1200.00, gain=null"));
  }

  @Test
  void aGainWithoutItsBasisFailsTheRun() throws Exception {
    InputException e = failed(rows -> rows.stream().map(r -> isGain(r, "")
        && r.cells().get(PROCEEDS).equals("300.00") ? with(r, GAIN, "300.00") : r).toList());
    assertThat(e.getMessage(), containsString("realized_gains_gain_is_proceeds_less_cost_basis"
        + " failed for 2026-11-20: order_id=" + StagedGainsHousehold.T2_XUS.orderId(D)
        + ", lot_id=, proceeds=300.00, cost_basis=null, gain=300.00"));
    assertThat(COST_BASIS, is(LOT_ID + 3)); // the cells this test reads are where it says
  }

  /** Loads the edited rows: the run fails, and the warehouse keeps no row of it. */
  private InputException failed(UnaryOperator<List<WarehouseRow>> edit) throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      InputException e = assertThrows(InputException.class,
          () -> w.loadRun(D, stage("broken", edit), run("r1")));
      assertThat(StagedHouseholds.query(w.connection(), "SELECT count(*) FROM realized_gains"),
          is(List.of("0")));
      return e;
    }
  }

  private static boolean isGain(WarehouseRow r, String lotId) {
    return r.table().equals("realized_gains") && r.cells().get(LOT_ID).equals(lotId);
  }

  private static WarehouseRow gainRow(List<WarehouseRow> rows, String lotId) {
    return rows.stream().filter(r -> isGain(r, lotId)).findFirst().orElseThrow();
  }

  private static UnaryOperator<List<WarehouseRow>> edit(String lotId, int cell, String value) {
    return rows -> rows.stream().map(r -> isGain(r, lotId) ? with(r, cell, value) : r).toList();
  }

  private static WarehouseRow with(WarehouseRow r, int cell, String value) {
    List<String> cells = new ArrayList<>(r.cells());
    cells.set(cell, value);
    return new WarehouseRow(r.table(), cells);
  }
}
