package io.rebalancer.e2e;

import io.rebalancer.io.RejectedRowsCsv;
import io.rebalancer.io.StagingArea;
import io.rebalancer.io.WarehouseChecks;
import io.rebalancer.report.Report;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What an output folder publishes for one run date, in the terms a kill is judged by: the
 * trade-orders file's bytes, the report (whose run id and times are the run's own), the
 * rejected-rows file, the warehouse's rows (pipeline_runs aside) and the folder's top-level names.
 */
record OutputState(byte[] orders, String report, byte[] rejected, Map<String, List<String>> rows,
    Set<String> names) {
  /**
   * Whether a top-level name is one a run leaves beside what it publishes: its log folder, its
   * locks (the output folder's .rebalancer.lock, the warehouse's .warehouse.duckdb.lock).
   */
  static boolean notPublished(String name) {
    return name.equals("logs") || isLock(name);
  }

  private static boolean isLock(String name) {
    return name.startsWith(".") && name.endsWith(".lock");
  }

  static OutputState read(Path output, LocalDate runDate) throws IOException, SQLException {
    Path report = output.resolve(Report.fileName(runDate));
    return new OutputState(bytes(output.resolve(StagingArea.ordersFileName(runDate))),
        Files.exists(report) ? Files.readString(report) : null,
        bytes(output.resolve(RejectedRowsCsv.fileName(runDate))),
        Launcher.warehouseContents(output.resolve("warehouse.duckdb")), published(output));
  }

  /** The folder's top-level names, but the lock, the logs and staging folders. */
  static Set<String> published(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString())
          .filter(n -> !notPublished(n) && !n.startsWith(".staging-")).toList());
    }
  }

  /** A report with its run id and its start and finish times taken out. */
  static String withoutRun(String report) {
    return report == null ? null
        : report.replaceAll("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}", "<run>")
            .replaceAll("started [^<]* finished [^<]*", "started <time>, finished <time>");
  }

  boolean sameOrders(byte[] other) {
    return Arrays.equals(orders, other);
  }

  /** Whether this folder's report is other but for its run, which is runId. */
  boolean sameReportBut(String runId, String other) {
    return other != null && report != null && report.contains(runId)
        && withoutRun(report).equals(withoutRun(other));
  }

  /** Runs every data-quality check of the load on the warehouse, opened read-only. */
  static int checksPass(Path warehouse, LocalDate runDate) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly)) {
      return WarehouseChecks.pass(c, runDate);
    }
  }

  /** Each run's status and error in pipeline_runs, by run id. */
  static Map<String, List<Object>> runs(Path warehouse) throws SQLException {
    Map<String, List<Object>> runs = new TreeMap<>();
    for (List<Object> r : Launcher.query(warehouse,
        "SELECT run_id, status, error FROM pipeline_runs")) {
      runs.put((String) r.get(0), r.subList(1, 3));
    }
    return runs;
  }

  /** The run locks in the folder that another process holds. */
  static List<String> locksHeld(Path output) throws IOException {
    List<String> held = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path lock : files.filter(f -> isLock(f.getFileName().toString())).toList()) {
        try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE);
            FileLock l = c.tryLock()) {
          if (l == null) {
            held.add(lock.getFileName().toString());
          }
        }
      }
    }
    return held;
  }

  private static byte[] bytes(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllBytes(file) : null;
  }
}
