package io.rebalancer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a SQL script on a fresh DuckDB file and times each of its stages, so that
 * `runners/benchmark.sh --duckdb` can set the pipeline beside plain SQL doing the same work.
 * Usage: SqlScriptBenchmark SCRIPT DATABASE [NAME=VALUE...], each ${NAME} in the script replaced.
 * A script stage starts at a "-- stage: NAME" line; a statement ends with ';' at a line's end
 * (enough for scripts we write, which put no such ';' inside a string). Prints every query's
 * rows and one "  timings: ..." line in the form RunCommand prints, which the benchmark reads.
 */
public final class SqlScriptBenchmark {
  private static final Pattern STAGE = Pattern.compile("^--\\s*stage:\\s*(\\S+)\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

  record Stage(String name, List<String> statements) {}

  private SqlScriptBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SqlScriptBenchmark SCRIPT DATABASE [NAME=VALUE...]");
      System.exit(2);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      variables.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    List<Stage> stages = stages(substitute(Files.readString(Path.of(args[0])), variables));
    Path database = Path.of(args[1]);
    if (Files.exists(database)) {
      throw new IllegalArgumentException(database + " exists: the benchmark times a fresh file");
    }
    StringJoiner timings = new StringJoiner(", ", "  timings: ", "");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
        Statement st = c.createStatement()) {
      for (Stage stage : stages) {
        long start = System.nanoTime();
        for (String sql : stage.statements()) {
          execute(st, stage.name(), sql);
        }
        timings.add(String.format("%s %.1f s", stage.name(), (System.nanoTime() - start) / 1e9));
      }
    }
    System.out.println(timings);
  }

  private static void execute(Statement st, String stage, String sql) {
    try {
      if (st.execute(sql)) {
        try (ResultSet rs = st.getResultSet()) {
          printRows(rs);
        }
      }
    } catch (SQLException e) {
      // One line naming the stage and the statement's start, as the pipeline's errors do.
      String head = sql.strip().lines().findFirst().orElse("");
      System.err.println("error: stage " + stage + ": " + e.getMessage().lines().findFirst()
          .orElse("") + " (in: " + head + ")");
      System.exit(1);
    }
  }

  private static void printRows(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringJoiner row = new StringJoiner(", ", "  ", "");
      for (int i = 1; i <= columns; i++) {
        row.add(rs.getMetaData().getColumnLabel(i) + " " + rs.getString(i));
      }
      System.out.println(row);
    }
  }

  static String substitute(String script, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(script);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("the script uses ${" + m.group(1) + "}, not given");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.replace("'", "''")));
    }
    return m.appendTail(out).toString();
  }

  static List<Stage> stages(String script) {
    List<Stage> stages = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    String name = "script";
    StringBuilder statement = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      Matcher stage = STAGE.matcher(line.strip());
      if (stage.matches()) {
        addStage(stages, name, statements);
        name = stage.group(1);
        statements = new ArrayList<>();
      } else if (!line.strip().startsWith("--")) {
        statement.append(line).append('\n');
        if (line.stripTrailing().endsWith(";")) {
          statements.add(statement.toString());
          statement.setLength(0);
        }
      }
    }
    if (!statement.toString().isBlank()) {
      statements.add(statement.toString());
    }
    addStage(stages, name, statements);
    return stages;
  }

  private static void addStage(List<Stage> stages, String name, List<String> statements) {
    if (!statements.isEmpty()) {
      stages.add(new Stage(name, List.copyOf(statements)));
    }
  }
}
