package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DuckDB warehouse. A run's staged rows are loaded in one transaction that first deletes the
 * run date's rows, so a re-run replaces that date and leaves other dates alone. DuckDB allows one
 * writing process per file: a second writer gets a clear error naming the file.
 */
public final class Warehouse implements AutoCloseable {
  private final Path file;
  private final Connection connection;

  private Warehouse(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  public static Warehouse open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
      Warehouse w = new Warehouse(file, c);
      w.createTables();
      return w;
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("lock") || m.contains("Conflicting")) {
        throw new InputException("warehouse " + file + " is in use by another process"
            + " (DuckDB allows one writer at a time)", e);
      }
      throw new InputException("warehouse " + file + ": cannot open: " + firstLine(m), e);
    } catch (java.io.IOException e) {
      throw new InputException("warehouse " + file + ": cannot create its folder: " + e, e);
    }
  }

  private void createTables() throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (Table t : WarehouseTables.PER_RUN) {
        s.execute(t.ddl());
      }
      s.execute(WarehouseTables.PIPELINE_RUNS.ddl());
      // Warehouses made before the run log counted its checks.
      s.execute("ALTER TABLE pipeline_runs ADD COLUMN IF NOT EXISTS checks INTEGER");
      for (String view : WarehouseTables.VIEWS) {
        s.execute(view);
      }
    }
  }

  /**
   * Replaces the run date's rows with the staged ones, checks them, and records the run, all or
   * nothing. Returns the number of data-quality checks that ran.
   */
  public int loadRun(LocalDate runDate, StagingArea staging, RunRecord run) {
    try {
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        for (Table t : WarehouseTables.PER_RUN) {
          s.execute("DELETE FROM " + t.name() + " WHERE run_date = DATE '" + runDate + "'");
          List<Path> files = staging.tableFiles(t.name());
          if (!files.isEmpty()) {
            s.execute("INSERT INTO " + t.name() + " SELECT * FROM " + readCsv(t, files));
          }
        }
      }
      int checks = QualityChecks.run(connection, runDate);
      insertRun(run.withChecks(checks));
      connection.commit();
      return checks;
    } catch (InputException e) {
      rollback();
      throw e;
    } catch (SQLException e) {
      rollback();
      throw new InputException("warehouse " + file + ": load failed: " + firstLine(e.getMessage()),
          e);
    } finally {
      autoCommit();
    }
  }

  /** A failed run leaves every table as it was, apart from its own FAILED row. */
  public void recordFailure(RunRecord run) {
    try {
      insertRun(run);
    } catch (SQLException e) {
      throw new InputException("warehouse " + file + ": cannot record the failed run: "
          + firstLine(e.getMessage()), e);
    }
  }

  public Connection connection() {
    return connection;
  }

  private void insertRun(RunRecord r) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO pipeline_runs VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.runId());
      ps.setObject(2, r.runDate());
      ps.setTimestamp(3, Timestamp.from(r.startedAt()));
      ps.setTimestamp(4, Timestamp.from(r.finishedAt()));
      ps.setString(5, r.runner());
      ps.setString(6, r.status());
      ps.setLong(7, r.recordsRead());
      ps.setLong(8, r.recordsRejected());
      ps.setLong(9, r.accounts());
      ps.setLong(10, r.households());
      ps.setLong(11, r.orders());
      ps.setLong(12, r.unplaced());
      ps.setString(13, r.config());
      ps.setString(14, r.error());
      ps.setInt(15, r.checks());
      ps.executeUpdate();
    }
  }

  static String readCsv(Table t, List<Path> files) {
    String list = files.stream().map(f -> quote(f.toString())).collect(Collectors.joining(", "));
    String columns = t.columns().stream()
        .map(c -> quote(c.name()) + ": " + quote(c.type()))
        .collect(Collectors.joining(", "));
    return "read_csv([" + list + "], header = false, auto_detect = false, delim = ',',"
        + " quote = '\"', escape = '\"', nullstr = '\\N', allow_quoted_nulls = false,"
        + " columns = {" + columns + "})";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original error is the one worth reporting
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is closed next
    }
  }

  static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to protect
    }
  }
}
