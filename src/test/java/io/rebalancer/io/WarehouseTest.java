package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a run: one transaction, re-runs replace their date, failed checks change nothing. */
class WarehouseTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 20);
  private static final LocalDate D2 = LocalDate.of(2026, 11, 21);

  @TempDir Path dir;

  /** One account holding 10 VTI at 100 and 50 of cash; its metrics say total (a string). */
  private StagingArea stage(String name, LocalDate date, String total, boolean duplicate)
      throws IOException {
    StagingArea staging = StagingArea.create(dir.resolve(name), "run");
    Files.createDirectories(staging.tables());
    List<String> holdings = new ArrayList<>(List.of(
        StagedCsv.line(List.of(date.toString(), "B1", "A1", "H1", "VTI", "EQ", "10", "100",
            "1000", "false")),
        StagedCsv.line(List.of(date.toString(), "B1", "A1", "H1", "CASH", "CASH", "50", "1",
            "50", "true"))));
    if (duplicate) {
      holdings.add(holdings.get(0));
    }
    Files.write(staging.tables().resolve("holdings-part-00000-of-00001.csv"), holdings);
    Files.write(staging.tables().resolve("portfolio_metrics-part-00000-of-00001.csv"), List.of(
        StagedCsv.line(java.util.Arrays.asList(date.toString(), "B1", "A1", "H1", "m", total,
            "50", "1000", "1", "1.0", null, null, null, "0"))));
    return staging;
  }

  private static RunRecord run(String id, LocalDate date) {
    return new RunRecord(id, date, Instant.now(), Instant.now(), "test", RunRecord.SUCCEEDED, 2,
        0, 1, 1, 0, 0, "cfg", null, 0);
  }

  private static long count(Warehouse w, String sql) throws SQLException {
    try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aReRunReplacesItsDateAndKeepsOthers() throws Exception {
    Path file = dir.resolve("w.duckdb");
    try (Warehouse w = Warehouse.open(file)) {
      int checks = w.loadRun(D1, stage("a", D1, "1050", false), run("r1", D1));
      w.loadRun(D1, stage("b", D1, "1050", false), run("r2", D1));
      w.loadRun(D2, stage("c", D2, "1050", false), run("r3", D2));
      assertThat(count(w, "SELECT count(*) FROM holdings WHERE run_date = DATE '2026-11-20'"),
          is(2L));
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(4L));
      assertThat(count(w, "SELECT count(*) FROM pipeline_runs WHERE status = 'SUCCEEDED'"),
          is(3L));
      assertThat(count(w, "SELECT min(checks) FROM pipeline_runs"), is((long) checks));
      assertThat(checks > 20, is(true));
    }
  }

  @Test
  void aFailedCheckNamesItselfAndLeavesTheTablesAsTheyWere() throws Exception {
    Path file = dir.resolve("w.duckdb");
    try (Warehouse w = Warehouse.open(file)) {
      w.loadRun(D1, stage("a", D1, "1050", false), run("r1", D1));
      InputException dup = assertThrows(InputException.class,
          () -> w.loadRun(D1, stage("b", D1, "1050", true), run("r2", D1)));
      assertThat(dup.getMessage(), containsString(
          "data-quality check unique_holdings(run_date, brokerage_id, account_id, symbol, is_cash)"
              + " failed"));
      InputException sum = assertThrows(InputException.class,
          () -> w.loadRun(D1, stage("c", D1, "1050.01", false), run("r3", D1)));
      assertThat(sum.getMessage(), containsString("reconcile_total_value_with_holdings"));
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(2L));
      assertThat(count(w, "SELECT count(*) FROM pipeline_runs"), is(1L));
    }
  }

  @Test
  void aWarehouseOfStoredSeriesMigratesOnOpenAndKeepsEverythingElse() throws Exception {
    Path file = dir.resolve("old.duckdb");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      // the shape of a warehouse written before the series were derived
      s.execute("CREATE TABLE holdings (run_date DATE, brokerage_id VARCHAR, account_id VARCHAR,"
          + " household_id VARCHAR, symbol VARCHAR, asset_class VARCHAR, quantity DECIMAL(38,10),"
          + " price DECIMAL(38,10), market_value DECIMAL(38,10), is_cash BOOLEAN)");
      s.execute("INSERT INTO holdings VALUES (DATE '2026-11-20', 'B1', 'A1', 'H1', 'VTI', 'EQ',"
          + " 10, 100, 1000, false), (DATE '2026-11-20', 'B1', 'A1', 'H1', 'CASH', 'CASH', 50, 1,"
          + " 50, true)");
      s.execute("CREATE TABLE value_series (run_date DATE, scope VARCHAR, scope_id VARCHAR,"
          + " household_id VARCHAR, value_date DATE, portfolio_value DECIMAL(38,10),"
          + " daily_return DOUBLE, cumulative_return DOUBLE, drawdown DOUBLE,"
          + " rolling_volatility DOUBLE)");
      s.execute("INSERT INTO value_series VALUES (DATE '2026-11-20', 'account', 'B1/A1', 'H1',"
          + " DATE '2026-11-19', 1050, NULL, 0, 0, NULL)");
      s.execute("CREATE VIEW drawdown AS SELECT run_date, scope, scope_id, value_date,"
          + " portfolio_value, drawdown FROM value_series");
      s.execute("CREATE TABLE pipeline_runs (run_id VARCHAR, run_date DATE, started_at TIMESTAMP,"
          + " finished_at TIMESTAMP, runner VARCHAR, status VARCHAR, records_read BIGINT,"
          + " records_rejected BIGINT, accounts BIGINT, households BIGINT, orders BIGINT,"
          + " unplaced BIGINT, config VARCHAR, error VARCHAR)");
      s.execute("INSERT INTO pipeline_runs VALUES ('r0', DATE '2026-11-20', now(), now(), 'old',"
          + " 'SUCCEEDED', 2, 0, 1, 1, 0, 0, 'cfg', NULL)");
    }
    try (Warehouse w = Warehouse.open(file)) {
      assertThat(count(w, "SELECT count(*) FROM information_schema.tables"
          + " WHERE table_name = 'value_series'"), is(0L));
      assertThat(count(w, "SELECT count(*) FROM holdings WHERE account_scope_id = 'B1/A1'"),
          is(2L));
      assertThat(count(w, "SELECT count(*) FROM pipeline_runs WHERE checks IS NULL"), is(1L));
      // the views read prices now: none yet, so no series, and no error
      assertThat(count(w, "SELECT count(*) FROM prices"), is(0L));
      assertThat(count(w, "SELECT count(*) FROM drawdown"), is(0L));
      // the next run loads and its series come from its prices
      StagingArea staging = stage("a", D2, "1050", false);
      Files.write(staging.tables().resolve("prices-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(List.of("2026-11-20", "VTI", "100")),
          StagedCsv.line(List.of("2026-11-21", "VTI", "110"))));
      w.loadRun(D2, staging, run("r1", D2));
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(4L));
      assertThat(count(w, "SELECT count(*) FROM pipeline_runs"), is(2L));
      assertThat(count(w, "SELECT count(*) FROM drawdown WHERE run_date = DATE '2026-11-21'"
          + " AND scope = 'account' AND scope_id = 'B1/A1'"), is(2L));
      assertThat(count(w, "SELECT count(*) FROM cumulative_returns WHERE scope = 'account'"
          + " AND scope_id = 'B1/A1' AND run_date = DATE '2026-11-20'"), is(1L));
    }
    try (Warehouse w = Warehouse.open(file)) { // opening again changes nothing
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(4L));
    }
  }

  @Test
  void aSymbolHeldAsCashAndAsAPositionIsTwoHoldingsAndItsSellIsCheckedAgainstThePosition()
      throws Exception {
    // VMFXX: 5 on a CASH-class row (cash) and 20 at 10 on another row; a sell of the 20.
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      StagingArea staging = StagingArea.create(dir.resolve("mixed"), "run");
      Files.createDirectories(staging.tables());
      Files.write(staging.tables().resolve("holdings-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(List.of("2026-11-20", "B1", "A1", "H1", "VMFXX", "MONEY_MARKET", "20",
              "10", "200", "false")),
          StagedCsv.line(List.of("2026-11-20", "B1", "A1", "H1", "VMFXX", "CASH", "5", "1", "5",
              "true"))));
      Files.write(staging.tables().resolve("portfolio_metrics-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(java.util.Arrays.asList("2026-11-20", "B1", "A1", "H1", "m", "205", "5",
              "200", "1", "1.0", null, null, null, "0"))));
      io.rebalancer.core.TradeOrder sell = new io.rebalancer.core.TradeOrder("H1", "B1",
          "A1", "VMFXX", io.rebalancer.core.Side.SELL, new java.math.BigDecimal("20"),
          new java.math.BigDecimal("10"), new java.math.BigDecimal("0.975610"),
          java.math.BigDecimal.ZERO, "liquidate: not in model");
      Files.write(staging.tables().resolve("trade_orders-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(WarehouseRows.order(D1, sell).cells())));
      Files.write(staging.tables().resolve("realized_gains-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(WarehouseRows.realizedGain(D1, SoldLots.remainder(sell)).cells())));
      w.loadRun(D1, staging, run("r1", D1));
      assertThat(count(w, "SELECT count(*) FROM holdings WHERE symbol = 'VMFXX'"), is(2L));
    }
  }

  @Test
  void aClosePricedTwiceInOneRunFailsTheRunAndChangesNothing() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      StagingArea staging = stage("a", D1, "1050", false);
      Files.write(staging.tables().resolve("prices-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(List.of("2026-11-20", "VTI", "100")),
          StagedCsv.line(List.of("2026-11-20", "VTI", "101"))));
      InputException e = assertThrows(InputException.class,
          () -> w.loadRun(D1, staging, run("r1", D1)));
      assertThat(e.getMessage(), containsString(
          "data-quality check unique_staged_prices(value_date, symbol) failed"));
      assertThat(count(w, "SELECT count(*) FROM prices"), is(0L));
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(0L));
    }
  }

  @Test
  void anUnreconciledTotalFailsItsCheck() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      StagingArea staging = stage("r", D1, "1050", false);
      Files.write(staging.tables().resolve("source_reconciliation-part-00000-of-00001.csv"),
          List.of(StagedCsv.line(List.of(D1.toString(), "B1", "B1", "/in/f.csv", "9", "A1",
              "Account Total", "true", "1049.00", "1050", "1.00", "false"))));
      InputException e = assertThrows(InputException.class,
          () -> w.loadRun(D1, staging, run("r1", D1)));
      assertThat(e.getMessage(), containsString("source_reconciliation_within_tolerance"));
      assertThat(count(w, "SELECT count(*) FROM source_reconciliation"), is(0L));
    }
  }

  @Test
  void moneyBeyondEighteenDigitsLoadsExactly() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      StagingArea staging = StagingArea.create(dir.resolve("big"), "run");
      Files.createDirectories(staging.tables());
      Files.write(staging.tables().resolve("holdings-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(List.of("2026-11-20", "B1", "A1", "H1", "VTI", "EQ",
              "123456789.0123456789", "1000.0000000001", "123456789012468.2524691356", "false")),
          StagedCsv.line(List.of("2026-11-20", "B1", "A1", "H1", "CASH", "CASH",
              "-99999999.9999999999", "1", "-99999999.9999999999", "true"))));
      Files.write(staging.tables().resolve("portfolio_metrics-part-00000-of-00001.csv"), List.of(
          StagedCsv.line(java.util.Arrays.asList("2026-11-20", "B1", "A1", "H1", "m",
              "123456689012468.2524691357", "-99999999.9999999999", "123456789012468.2524691356",
              "1", "1.0", null, null, null, "0"))));
      w.loadRun(D1, staging, run("r1", D1));
      try (Statement s = w.connection().createStatement();
          ResultSet rs = s.executeQuery("SELECT CAST(quantity AS VARCHAR),"
              + " CAST(market_value AS VARCHAR) FROM holdings ORDER BY symbol DESC")) {
        rs.next();
        assertThat(rs.getString(1), is("123456789.012345678900000000"));
        assertThat(rs.getString(2), is("123456789012468.252469135600000000"));
        rs.next();
        assertThat(rs.getString(1), is("-99999999.999999999900000000"));
      }
    }
  }
}
