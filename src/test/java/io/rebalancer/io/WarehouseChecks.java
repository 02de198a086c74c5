package io.rebalancer.io;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The load's data-quality checks, run on a warehouse from outside a run (the end-to-end tests'
 * read-only connection): every check is a query, so a warehouse left by a killed run can be
 * checked as the run itself checks what it loads.
 */
public final class WarehouseChecks {
  private WarehouseChecks() {}

  /** Runs every check of {@link QualityChecks#all}; fails naming the first that finds a row. */
  public static int pass(Connection readOnly, LocalDate runDate) throws SQLException {
    return QualityChecks.run(readOnly, runDate);
  }
}
