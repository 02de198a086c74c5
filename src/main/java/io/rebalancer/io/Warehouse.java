package io.rebalancer.io;

import io.rebalancer.core.InputException;
import io.rebalancer.logging.RunProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DuckDB warehouse. A run's staged rows are loaded in one transaction that first deletes the
 * run date's rows, so a re-run replaces that date and leaves other dates alone. DuckDB allows one
 * writing process per file: a second writer gets a clear error naming the file.
 */
public final class Warehouse implements AutoCloseable {
  /** What DuckDB's buffer manager may hold while a run loads and checks its rows. */
  static final String MEMORY_LIMIT = "1GB";
  /** Past any one load's log, so that no commit checkpoints (see {@link #open}). */
  static final String CHECKPOINT_THRESHOLD = "1TB";
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+), ?(\\d+)\\)");
  /** The widest DECIMAL that DuckDB parses from text quickly (a 64-bit one). */
  private static final int FAST_PRECISION = 18;
  /** Decimals of the fast parse: a wider column's value with at most these many takes it. */
  private static final int FAST_SCALE = 10;
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
      try (Statement s = c.createStatement()) {
        // A table has no row order, and keeping the staged files' order makes every insert a
        // single-threaded append: without it a load takes about a third of the time.
        s.execute("SET preserve_insertion_order = false");
        // DuckDB runs inside the launcher's JVM and by default may take 80% of the machine; a
        // bound keeps the run's memory flat in the book's size (past it, DuckDB spills to disk).
        s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        // DuckDB checkpoints inside a commit that takes its write-ahead log past
        // checkpoint_threshold (16MB by default), and in 1.4.4 and 1.4.5 such a checkpoint
        // that a full disk refuses discards the rows committed (the log is gone, the tables read
        // empty: github.com/spiceai/spiceai/issues/13985). A run's load is one commit: here it
        // is logged whole and checkpointed when the connection closes, where a refused
        // checkpoint keeps the log and the next open replays it (FullDiskIT).
        s.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
      }
      Warehouse w = new Warehouse(file, c);
      try {
        w.createTables();
      } catch (SQLException e) {
        w.close(); // release the file: the next writer must not find it locked
        throw e;
      }
      return w;
    } catch (SQLException e) {
      FullDisk.ofWarehouse(e, file, "loading the run"); // opened to load it
      String m = String.valueOf(e.getMessage());
      if (m.contains("lock") || m.contains("Conflicting")) {
        throw new InputException("warehouse " + file + " is in use by another process"
            + " (DuckDB allows one writer at a time)", e);
      }
      throw new InputException("warehouse " + file + ": cannot open: " + firstLine(m), e);
    } catch (java.io.IOException e) {
      FullDisk.ofWarehouse(e, file, "creating its folder");
      throw new InputException("warehouse " + file + ": cannot create its folder: " + e, e);
    }
  }

  /**
   * Creates what is missing and migrates older warehouses: columns added since are added (and
   * derived ones filled), decimal columns of an older type (DECIMAL(38,10) money, DECIMAL(10,6)
   * weights) are altered to their type, and the value_series table of the stored-series
   * warehouses is dropped (the series are now views over holdings and prices; nothing else is
   * lost). The views are recreated last, over the columns' new types.
   */
  private void createTables() throws SQLException {
    connection.setAutoCommit(false); // a migration that fails halfway leaves the file as it was
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS value_series");
      for (Table<?> t : WarehouseTables.STORED) {
        s.execute(t.ddl());
        for (Table.Column<?> c : t.columns()) {
          String stored = columnType(t.name(), c.name());
          if (stored == null) {
            s.execute("ALTER TABLE " + t.name() + " ADD COLUMN " + c.name() + " " + c.type());
            if (c.derivedSql() != null) {
              s.execute("UPDATE " + t.name() + " SET " + c.name() + " = " + c.derivedSql());
            }
          } else if (retyped(stored, c.type())) {
            s.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + c.name() + " TYPE "
                + c.type());
          }
        }
      }
      for (String view : WarehouseViews.ALL) {
        s.execute(view);
      }
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw e;
    } finally {
      autoCommit();
    }
  }

  /** The column's type in the file, as DuckDB names it, or null when it has no such column. */
  private String columnType(String table, String column) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT data_type FROM"
        + " duckdb_columns() WHERE schema_name = current_schema() AND table_name = ?"
        + " AND column_name = ?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * Whether a stored DECIMAL column has another DECIMAL type than its definition. The ALTER casts
   * each value: DECIMAL(38,10) to DECIMAL(38,18) keeps every value the pipeline could accept (at
   * most 20 integer digits; one with more fails the open, naming it, and leaves the file as it
   * was).
   */
  static boolean retyped(String stored, String defined) {
    Matcher from = DECIMAL.matcher(stored.replace(" ", ""));
    Matcher to = DECIMAL.matcher(defined.replace(" ", ""));
    return from.matches() && to.matches()
        && !(from.group(1).equals(to.group(1)) && from.group(2).equals(to.group(2)));
  }

  /**
   * Replaces the run date's rows with the staged ones, checks them, and records the run, all or
   * nothing. Returns the number of data-quality checks that ran.
   */
  public int loadRun(LocalDate runDate, StagingArea staging, RunRecord run) {
    return loadRun(runDate, staging, run, c -> { });
  }

  /** What a run does inside its load's transaction, after its rows passed, before the commit. */
  @FunctionalInterface
  public interface BeforeCommit {
    void run(Connection connection) throws SQLException;
  }

  /**
   * As {@link #loadRun(LocalDate, StagingArea, RunRecord)}, with a last step before the commit:
   * whatever it throws rolls the load back.
   */
  public int loadRun(LocalDate runDate, StagingArea staging, RunRecord run,
      BeforeCommit beforeCommit) {
    try {
      connection.setAutoCommit(false);
      int checks = 0;
      try (Statement s = connection.createStatement()) {
        for (Table<?> t : WarehouseTables.LOADED) {
          if (t.load() == Table.Load.PER_RUN_DATE) {
            s.execute("DELETE FROM " + t.name() + " WHERE run_date = DATE '" + runDate + "'");
          }
          List<Path> files = staging.tableFiles(t.name());
          if (t.load() == Table.Load.UPSERT) {
            // an upsert keeps one of two rows of a key: two are a failed run, not a choice
            checks++;
            if (!files.isEmpty()) {
              QualityChecks.stagedKeyUnique(connection, t, readCsv(t, files));
            }
          }
          if (!files.isEmpty()) {
            s.execute(insert(t, files));
          }
        }
      }
      RunProgress progress = RunProgress.since(run.startedAt());
      progress.log("warehouse rows loaded (not yet committed)");
      checks += QualityChecks.run(connection, runDate);
      progress.log(checks + " data-quality checks passed");
      insertRun(run.withChecks(checks));
      beforeCommit.run(connection);
      connection.commit();
      return checks;
    } catch (RuntimeException e) {
      rollback();
      throw e;
    } catch (SQLException e) {
      rollback();
      FullDisk.ofWarehouse(e, file, "loading the run");
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

  /** The status pipeline_runs holds for a run (SUCCEEDED, FAILED), or null when it has none. */
  public String runStatus(String runId) {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT status FROM pipeline_runs WHERE run_id = ? ORDER BY status DESC LIMIT 1")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new InputException("warehouse " + file + ": cannot read pipeline_runs: "
          + firstLine(e.getMessage()), e);
    }
  }

  public Connection connection() {
    return connection;
  }

  private void insertRun(RunRecord r) throws SQLException {
    Table<RunRecord> t = WarehouseTables.PIPELINE_RUNS;
    String params = String.join(", ", Collections.nCopies(t.columns().size(), "?"));
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + t.name() + " ("
        + t.columnList() + ") VALUES (" + params + ")")) {
      List<String> cells = t.row(r).cells();
      for (int i = 0; i < cells.size(); i++) {
        ps.setString(i + 1, cells.get(i));
      }
      ps.executeUpdate();
    }
  }

  /** Inserts (or, for an upserted table, replaces by key) the staged rows of a table. */
  static String insert(Table<?> t, List<Path> files) {
    String values = t.columns().stream()
        .map(c -> c.staged() ? c.name() : c.derivedSql() + " AS " + c.name())
        .collect(Collectors.joining(", "));
    String verb = t.load() == Table.Load.UPSERT ? "INSERT OR REPLACE INTO " : "INSERT INTO ";
    return verb + t.name() + " (" + t.columnList() + ") SELECT " + values + " FROM "
        + readCsv(t, files);
  }

  /**
   * The staged files of a table as a typed relation. DuckDB 1.4 parses text into a DECIMAL wider
   * than 18 digits about 40 to 100 times slower than into one of 18 (about 10 us a value, most of
   * a load's time), so such a column is read as text and cast through DECIMAL(18, f) where its
   * value fits exactly: when its text has at most f decimals (else TRY_CAST would round it, not
   * fail) and its integer digits fit (else TRY_CAST gives NULL); any other value is cast directly.
   */
  static String readCsv(Table<?> t, List<Path> files) {
    String list = files.stream().map(f -> quote(f.toString())).collect(Collectors.joining(", "));
    StringBuilder columns = new StringBuilder();
    StringBuilder typed = new StringBuilder();
    for (Table.Column<?> c : t.stagedColumns()) {
      Matcher wide = DECIMAL.matcher(c.type());
      boolean slow = wide.matches() && Integer.parseInt(wide.group(1)) > FAST_PRECISION;
      columns.append(columns.length() == 0 ? "" : ", ").append(quote(c.name())).append(": ")
          .append(quote(slow ? "VARCHAR" : c.type()));
      typed.append(typed.length() == 0 ? "" : ", ")
          .append(slow ? fastCast(c.name(), c.type(), Integer.parseInt(wide.group(2))) : c.name());
    }
    return "(SELECT " + typed + " FROM read_csv([" + list + "], header = false,"
        + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '\\N',"
        + " allow_quoted_nulls = false, columns = {" + columns + "}))";
  }

  /** A text column cast to its wide DECIMAL type, through the fast parse where that is exact. */
  private static String fastCast(String column, String type, int scale) {
    int f = Math.min(scale, FAST_SCALE);
    // the text's decimals: all of it when it has no point, which only a short integer passes
    String fewDecimals = "length(" + column + ") - strpos(" + column + ", '.') <= " + f;
    return "coalesce(CASE WHEN " + fewDecimals + " THEN CAST(TRY_CAST(" + column
        + " AS DECIMAL(" + FAST_PRECISION + ", " + f + ")) AS " + type + ") END, CAST(" + column
        + " AS " + type + ")) AS " + column;
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
