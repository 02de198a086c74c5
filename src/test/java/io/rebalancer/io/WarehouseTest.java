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
          "data-quality check unique_holdings(run_date, brokerage_id, account_id, symbol) failed"));
      InputException sum = assertThrows(InputException.class,
          () -> w.loadRun(D1, stage("c", D1, "1050.01", false), run("r3", D1)));
      assertThat(sum.getMessage(), containsString("reconcile_total_value_with_holdings"));
      assertThat(count(w, "SELECT count(*) FROM holdings"), is(2L));
      assertThat(count(w, "SELECT count(*) FROM pipeline_runs"), is(1L));
    }
  }
}
