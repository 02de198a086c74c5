package io.rebalancer.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a launcher script of the project as a user would, with a time limit. */
final class Launcher {
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** What a launcher run left behind. */
  record Run(int exitCode, String stdout, List<String> stderrLines) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n"
          + String.join("\n", stderrLines);
    }
  }

  private final Path project;
  private final Path logs;
  private int runs;

  Launcher(Path project, Path logs) {
    this.project = project;
    this.logs = logs;
  }

  /** The project root: surefire sets project.basedir; an IDE runs tests in it. */
  static Path projectRoot() {
    return Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")))
        .toAbsolutePath().normalize();
  }

  /** Runs runners/SCRIPT with args from the project root; kills it after {@link #TIMEOUT}. */
  Run run(String script, String... args) throws IOException, InterruptedException {
    return run(Map.of(), script, args);
  }

  /** The same, with more environment variables. */
  Run run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    return start(env, script, args).finish();
  }

  /** A launcher run under way, started by {@link #start}. */
  record Started(List<String> command, Process process, Path out, Path err) {
    /** Waits until the run's stdout holds text; fails if the run ends first. */
    void awaitStdout(String text) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.readString(out, StandardCharsets.UTF_8).contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          fail("the run never printed '" + text + "':\n" + Files.readString(out) + "\n"
              + Files.readString(err));
        }
        Thread.sleep(20);
      }
    }

    /** Waits for the run to end (killing it after {@link #TIMEOUT}); what it left. */
    Run finish() throws IOException, InterruptedException {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT
            + "; killed.\nstderr:\n" + Files.readString(err));
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readAllLines(err, StandardCharsets.UTF_8));
    }
  }

  /** Starts runners/SCRIPT with args from the project root, without waiting for it. */
  Started start(String script, String... args) throws IOException {
    return start(Map.of(), script, args);
  }

  private Started start(Map<String, String> env, String script, String... args)
      throws IOException {
    runs++;
    Path out = logs.resolve("run-" + runs + ".stdout");
    Path err = logs.resolve("run-" + runs + ".stderr");
    List<String> command = new ArrayList<>(List.of("bash", "runners/" + script));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    return new Started(command, builder.start(), out, err);
  }

  /**
   * The launchers build the project with Maven on first use (target/classpath.txt) or when
   * sources are newer than their stamp. Under surefire the classes are already compiled, and a
   * nested `mvn compile` would rewrite target/classes under the running tests: record the
   * dependency classpath from the test JVM's instead, as the launcher would have.
   */
  static void ensureBuilt(Path project) throws IOException {
    Path target = project.resolve("target");
    assertTrue(Files.isRegularFile(target.resolve("classes/io/rebalancer/RunCommand.class")),
        "the main classes are compiled before the tests run");
    Path stamp = target.resolve(".launcher-build");
    Path classpath = target.resolve("classpath.txt");
    if (Files.isRegularFile(stamp) && Files.isRegularFile(classpath)
        && !changedSince(Files.getLastModifiedTime(stamp), project.resolve("src/main"),
            project.resolve("pom.xml"))) {
      return;
    }
    String testClasspath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> jars = Arrays.stream(testClasspath.split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .filter(e -> !Path.of(e).toAbsolutePath().normalize().startsWith(target))
        .toList();
    if (jars.stream().noneMatch(j -> j.contains("beam-sdks-java-core"))) {
      return; // not the real classpath: let the launcher build (within the time limit)
    }
    Files.writeString(classpath, String.join(File.pathSeparator, jars));
    Files.writeString(stamp, "");
    Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
  }

  /** Copies the project's sample-data/ into folder (tests edit the copy); returns the copy. */
  static Path copyOfTheSample(Path project, Path folder) throws IOException {
    Path from = project.resolve("sample-data");
    Path sample = folder.resolve("sample-data");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = sample.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    return sample;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Rows of a query on a warehouse, opened read-only (DuckDB allows one writer). */
  static List<List<Object>> query(Path warehouse, String sql) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** Every table's rows but pipeline_runs' (ids and times differ by run), as sorted text. */
  static Map<String, List<String>> warehouseContents(Path file) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      // Base tables only: views such as latest_successful_run show the run's id and times.
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_name <> 'pipeline_runs' AND table_type = 'BASE TABLE' ORDER BY 1")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String t : names) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        tables.put(t, rows);
      }
    }
    return tables;
  }

  private static boolean changedSince(FileTime stamp, Path... roots) throws IOException {
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        if (files.anyMatch(f -> modified(f).compareTo(stamp) > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.from(Instant.MAX);
    }
  }
}
