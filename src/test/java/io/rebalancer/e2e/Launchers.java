package io.rebalancer.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Runs the project's launchers as a user would, and reads what they leave behind. */
final class Launchers {
  static final Path PROJECT = Path.of(System.getProperty("project.basedir",
      System.getProperty("user.dir")));

  private Launchers() {}

  /** What a finished launcher process said. */
  record Result(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /** Runs runners/NAME with the arguments from the project root, killing it after the timeout. */
  static Result run(String launcher, Map<String, String> env, long timeoutMinutes, String... args) {
    List<String> command = new ArrayList<>();
    command.add(PROJECT.resolve("runners").resolve(launcher).toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("launcher", ".out");
      Path err = Files.createTempFile("launcher", ".err");
      ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(launcher + " did not finish in " + timeoutMinutes + " min");
      }
      Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result run(String launcher, String... args) {
    return run(launcher, Map.of(), 10, args);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every table's rows (but pipeline_runs, whose ids and times differ by run) as sorted text. */
  static Map<String, List<String>> warehouseContents(Path file) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_name <> 'pipeline_runs' ORDER BY 1")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String t : names) {
        tables.put(t, rows(s, "SELECT * FROM " + t));
      }
    }
    return tables;
  }

  static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}
