package io.rebalancer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/bad-inputs/cases.tsv): every case runs through the real
 * command, in this JVM, and must end as SPEC.md promises: a rejected row with its line and reason,
 * counted, or one error line naming the file and nothing published; never a stack trace, never a
 * row lost from the tallies.
 */
class BadInputCorpusTest {
  private static final String RUN_DATE = "2026-11-20";
  private static final Path CORPUS = corpus();
  /** Every table a run loads per run date: a failed run leaves them all empty. */
  private static final List<String> PER_RUN_TABLES = List.of("holdings", "portfolio_metrics",
      "allocations", "trade_orders", "unplaced_trades", "realized_gains", "rejected_records",
      "source_counts");

  /** One line of cases.tsv. */
  record Case(String name, String input, String file, String outcome, Long line,
      List<String> words, String note) {
    @Override
    public String toString() {
      return name + (note.startsWith("pending") ? " (" + note + ")" : "");
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    List<String> lines = Files.readAllLines(CORPUS.resolve("cases.tsv"));
    for (String line : lines) {
      if (line.startsWith("#") || line.startsWith("name\t") || line.isBlank()) {
        continue;
      }
      String[] c = Arrays.copyOf(line.split("\t", -1), 7);
      cases.add(new Case(c[0], c[1], c[2], c[3], c[4].equals("-") ? null : Long.valueOf(c[4]),
          c[5].isEmpty() ? List.of() : List.of(c[5].split(";")), c[6] == null ? "" : c[6]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsAsTheCorpusSays(Case c, @TempDir Path dir) throws Exception {
    Path source = sourceFile(c, dir);
    Path config = writeConfig(c, source, dir);
    Path output = dir.resolve("output");
    Path warehouse = dir.resolve("warehouse.duckdb");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {
            "--config=" + config, "--runDate=" + RUN_DATE, "--outputDir=" + output,
            "--warehouse=" + warehouse, "--targetParallelism=1", "--keyBuckets=1",
            // the checks that copy every element are for our DoFns' tests, not for input files
            "--enforceImmutability=false", "--enforceEncodability=false"});
    String stderr = err.toString(StandardCharsets.UTF_8);
    String describe = c.name() + ": exit " + exit + "\n--- stdout\n" + out.toString(
        StandardCharsets.UTF_8) + "--- stderr\n" + stderr;

    switch (c.outcome()) {
      case "accepted" -> {
        assertThat(describe, exit, is(0));
        List<String> holdings = column(warehouse, "SELECT symbol || ' ' || asset_class || ' ' ||"
            + " CAST(quantity AS VARCHAR) FROM holdings").stream()
            .map(BadInputCorpusTest::plainQuantity).toList();
        for (String holding : c.words()) {
          assertThat(describe, holdings, hasItem(holding));
        }
        assertTalliesBalance(warehouse, describe);
      }
      case "rejected" -> {
        assertThat(describe, exit, is(0));
        List<String> reasons = column(warehouse, "SELECT reason FROM rejected_records"
            + " WHERE line_number = " + c.line());
        assertThat(describe + "\nno rejected row on line " + c.line(), reasons, hasSize(1));
        for (String word : c.words()) {
          assertThat(describe, reasons.get(0), containsString(word));
        }
        assertTalliesBalance(warehouse, describe);
      }
      case "error" -> assertFailedCleanly(c, exit, stderr, output, warehouse, describe);
      default -> throw new IllegalArgumentException(c.name() + ": outcome " + c.outcome());
    }
  }

  private static void assertFailedCleanly(Case c, int exit, String stderr, Path output,
      Path warehouse, String describe) throws Exception {
    assertThat(describe, exit, is(1));
    List<String> lines = stderr.lines().toList();
    assertThat(describe, lines, hasSize(1));
    String line = lines.get(0);
    assertThat(describe, line, not(containsString("\tat ")));
    if (c.words().stream().noneMatch(w -> w.contains("Exception"))) {
      assertThat(describe, line, not(containsString("Exception")));
    }
    String file = c.file().startsWith("generated:") ? c.name() + ".csv"
        : Path.of(c.file()).getFileName().toString();
    if (!file.contains("*") || c.input().equals("config")) {
      assertThat(describe, line, containsString(file));
    }
    for (String word : c.words()) {
      assertThat(describe, line, containsString(word));
    }
    try (Stream<Path> published = Files.exists(output) ? Files.list(output) : Stream.empty()) {
      // the run's log (logs/) is written for failed runs too, and the folder's and warehouse's
      // locks are taken before anything is read; none is a published output
      Set<String> notPublished = Set.of("warehouse.duckdb", "logs", ".rebalancer.lock",
          ".warehouse.duckdb.lock");
      assertThat(describe, published.map(p -> p.getFileName().toString())
          .filter(n -> !notPublished.contains(n)).toList(), is(empty()));
    }
    if (Files.exists(warehouse)) {
      assertThat(describe, column(warehouse, "SELECT status FROM pipeline_runs"),
          is(List.of("FAILED")));
      for (String table : PER_RUN_TABLES) {
        assertThat(describe + "\n" + table, column(warehouse,
            "SELECT CAST(count(*) AS VARCHAR) FROM " + table), is(List.of("0")));
      }
    }
  }

  /** Nothing is lost: every source's rows read = holdings + recognised + rejected. */
  private static void assertTalliesBalance(Path warehouse, String describe) throws Exception {
    assertThat(describe, column(warehouse, "SELECT source_id FROM source_counts"
        + " WHERE rows_read <> holdings + recognised + rejected"), is(empty()));
    assertThat(describe, column(warehouse, "SELECT CAST(count(*) AS VARCHAR) FROM source_counts"
        + " WHERE rows_read > 0"), is(List.of("1")));
    assertThat(describe, column(warehouse, "SELECT CAST(count(*) AS VARCHAR) FROM"
        + " rejected_records"), is(column(warehouse, "SELECT CAST(rejected AS VARCHAR) FROM"
        + " source_counts")));
  }

  /** The case's source file: the corpus file, or one the test writes. */
  private static Path sourceFile(Case c, Path dir) throws IOException {
    if (!List.of("canonical", "schwab-positions", "fidelity-positions", "vanguard-ofx",
        "etrade-portfolio", "ibkr-activity", "acme-depot", "config").contains(c.input())) {
      return CORPUS.resolve("canonical/good.csv"); // a reference file is the bad one
    }
    if (!c.file().startsWith("generated:")) {
      return CORPUS.resolve(c.file());
    }
    String good = Files.readString(CORPUS.resolve("canonical/good.csv"));
    Path file = dir.resolve(c.name() + ".csv");
    switch (c.file().substring("generated:".length())) {
      // too big to commit: the holdings, then 5 MB on one line
      case "five-mb-line" -> Files.writeString(file, good + "x".repeat(5 << 20) + "\n");
      case "binary-garbage" -> {
        byte[] bytes = new byte[4096];
        new Random(20261120).nextBytes(bytes);
        Files.write(file, bytes);
      }
      case "utf16" -> Files.write(file, ("\uFEFF" + good).getBytes(StandardCharsets.UTF_16LE));
      default -> throw new IllegalArgumentException(c.name() + ": " + c.file());
    }
    return file;
  }

  private static Path writeConfig(Case c, Path source, Path dir) throws IOException {
    Path reference = CORPUS.resolve("reference");
    Path models = c.input().equals("models") ? CORPUS.resolve(c.file())
        : reference.resolve("models.csv");
    Path prices = c.input().equals("prices") ? CORPUS.resolve(c.file())
        : reference.resolve("prices.csv");
    String accounts = c.input().equals("accounts") ? "accounts: " + CORPUS.resolve(c.file())
        : ""; // without accounts.csv every account is on model `default`
    String account = c.input().equals("acme-depot") ? "\n    account: ACME-7781" : "";
    String format = c.input().equals("config") ? "canonical" : c.input().contains("-")
        || c.input().equals("canonical") ? c.input() : "canonical";
    return Files.writeString(dir.resolve(c.name() + ".yaml"), """
        name: %s
        sources:
          - id: BROKER
            uri: %s
            format: %s%s
        %s
        models: %s
        prices: %s
        validation:
          maxRejectedRows: 1000
        formats:
          acme-depot:
            header:
              marker: Ticker
            columns:
              symbol: Ticker
              quantity: Units
              price: Unit price (USD)
              marketValue: Value (USD)
              assetClass: Category
            cash:
              assetClasses: [Liquidity]
            skipRows: [Subtotal]
            endRows: [Total]
            numbers:
              decimalSeparator: "."
              thousandsSeparator: "'"
        """.formatted(c.name(), source, format, account, accounts, models, prices));
  }

  /** "BND US_BOND -12.5000000000" as "BND US_BOND -12.5": the manifest writes plain numbers. */
  private static String plainQuantity(String holding) {
    int space = holding.lastIndexOf(' ');
    return holding.substring(0, space + 1)
        + new BigDecimal(holding.substring(space + 1)).stripTrailingZeros().toPlainString();
  }

  private static List<String> column(Path warehouse, String sql) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
        Statement s = conn.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (r.next()) {
        values.add(r.getString(1));
      }
      return values;
    }
  }

  private static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/cases.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
