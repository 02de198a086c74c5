package io.rebalancer.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.InputException;
import io.rebalancer.core.Position;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse stores what the pipeline computed, to the last of its 18 decimals, and its checks
 * pass on such data and fail on data that is off by less than a cent.
 */
class WarehouseExactnessTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  @TempDir Path dir;

  private static Position position(String symbol, String quantity, String price, boolean cash) {
    BigDecimal q = new BigDecimal(quantity);
    BigDecimal p = new BigDecimal(price);
    return new Position(symbol, cash ? "CASH" : "EQUITY", q, p, q.multiply(p), cash);
  }

  private static AccountAnalysis account(String id, String reserve, Position... positions) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal cash = BigDecimal.ZERO;
    for (Position p : positions) {
      total = total.add(p.marketValue());
      cash = p.cash() ? cash.add(p.marketValue()) : cash;
    }
    return new AccountAnalysis(new AccountKey("B1", id), "H1", "m", new BigDecimal(reserve),
        total, cash, total.subtract(cash), positions.length, null, null, null, null,
        List.of(positions));
  }

  /** Quantities and prices of 12 to 18 decimals; rounded to 10, they broke the checks. */
  private static final AccountAnalysis FINE = account("A1", "0",
      position("VTI", "10.123456789012", "100.5", false),
      position("XYZ", "1000", "0.123456789050001", false),
      position("TINY", "3", "0.123456789012345678", false),
      position("CASH", "123.456789050001", "1", true));

  /** At 10 decimals each value rounds up, their sum to 0.01, and the total to 0.00. */
  private static final AccountAnalysis CENTS = account("A2", "0",
      position("CASH", "0.00249999997", "1", true),
      position("SPAXX", "0.00249999997", "1", true));

  /** A buy of all the account's cash: at 10 decimals its price rounds up, past the cash. */
  private static TradeOrder buy(String quantity) {
    return new TradeOrder("H1", "B1", "A1", "XYZ", Side.BUY, new BigDecimal(quantity),
        new BigDecimal("0.123456789050001"), new BigDecimal("0.1"), new BigDecimal("0.2"),
        "underweight");
  }

  private static TradeOrder order(String symbol, Side side, String quantity, String price) {
    return new TradeOrder("H1", "B1", "A1", symbol, side, new BigDecimal(quantity),
        new BigDecimal(price), new BigDecimal("0.3"), new BigDecimal("0.2"), "drift");
  }

  private StagingArea stage(String name, List<AccountAnalysis> accounts, List<TradeOrder> orders)
      throws IOException {
    StagingArea staging = StagingArea.create(dir.resolve(name), "run");
    Files.createDirectories(staging.tables());
    List<String> holdings = new ArrayList<>();
    List<String> metrics = new ArrayList<>();
    for (AccountAnalysis a : accounts) {
      a.positions().forEach(p -> holdings.add(line(WarehouseRows.holding(D, a, p))));
      metrics.add(line(WarehouseRows.metrics(D, a)));
    }
    Files.write(staging.tables().resolve("holdings-part-00000-of-00001.csv"), holdings);
    Files.write(staging.tables().resolve("portfolio_metrics-part-00000-of-00001.csv"), metrics);
    Files.write(staging.tables().resolve("trade_orders-part-00000-of-00001.csv"),
        orders.stream().map(o -> line(WarehouseRows.order(D, o))).toList());
    Files.write(staging.tables().resolve("realized_gains-part-00000-of-00001.csv"),
        SoldLots.remainders(D, orders).stream().map(WarehouseExactnessTest::line).toList());
    return staging;
  }

  private static String line(WarehouseRow row) {
    return StagedCsv.line(row.cells());
  }

  private static RunRecord run(String id) {
    return new RunRecord(id, D, Instant.now(), Instant.now(), "test", RunRecord.SUCCEEDED, 6, 0,
        2, 1, 1, 0, "cfg", null, 0);
  }

  private static List<BigDecimal> column(Warehouse w, String sql) throws SQLException {
    List<BigDecimal> out = new ArrayList<>();
    try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getBigDecimal(1));
      }
    }
    return out;
  }

  private static List<BigDecimal> decimals(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  /** Equal as numbers: the column's scale is 18, the staged text's whatever it needs. */
  private static void assertSameNumbers(List<BigDecimal> got, List<BigDecimal> want) {
    assertThat(got.size(), is(want.size()));
    for (int i = 0; i < want.size(); i++) {
      assertThat(got.get(i) + " = " + want.get(i), got.get(i).compareTo(want.get(i)), is(0));
    }
  }

  @Test
  void holdingsOfUpToEighteenDecimalsLoadExactlyAndPassTheChecks() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      w.loadRun(D, stage("a", List.of(FINE, CENTS), List.of(buy("1000"))), run("r1"));
      String holdings = " FROM holdings WHERE account_id = 'A1' ORDER BY symbol";
      assertSameNumbers(column(w, "SELECT quantity" + holdings), decimals("123.456789050001",
          "3", "10.123456789012", "1000"));
      assertSameNumbers(column(w, "SELECT price" + holdings), decimals("1",
          "0.123456789012345678", "100.5", "0.123456789050001"));
      assertSameNumbers(column(w, "SELECT market_value" + holdings), FINE.positions().stream()
          .sorted(java.util.Comparator.comparing(Position::symbol))
          .map(Position::marketValue).toList());
      assertSameNumbers(column(w, "SELECT total_value FROM portfolio_metrics ORDER BY account_id"),
          List.of(FINE.totalValue(), CENTS.totalValue()));
      assertSameNumbers(column(w, "SELECT price FROM trade_orders"),
          decimals("0.123456789050001"));
    }
  }

  @Test
  void theMoneyChecksStillFailOnDataOffByLessThanACent() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      AccountAnalysis off = new AccountAnalysis(FINE.key(), "H1", "m", BigDecimal.ZERO,
          FINE.totalValue().add(new BigDecimal("0.000000000000000001")), FINE.cashValue(),
          FINE.investedValue(), 3, null, null, null, null, FINE.positions());
      InputException total = assertThrows(InputException.class,
          () -> w.loadRun(D, stage("a", List.of(off), List.of()), run("r1")));
      assertThat(total.getMessage(), containsString("reconcile_total_value_with_holdings"));
      // a millionth of a share more than the cash buys
      InputException cash = assertThrows(InputException.class,
          () -> w.loadRun(D, stage("b", List.of(FINE), List.of(buy("1000.000001"))), run("r2")));
      assertThat(cash.getMessage(), containsString("orders_within_each_accounts_cash"));
      // a sell's proceeds pay for one more buy, to the last decimal of a product of 30
      String price = "0.123456789012345678";
      String quantity = "0.999999999999";
      w.loadRun(D, stage("c", List.of(FINE), List.of(buy("1000"),
          order("TINY", Side.BUY, quantity, price), order("VTI", Side.SELL, quantity, price))),
          run("r3"));
      InputException shortBy = assertThrows(InputException.class, () -> w.loadRun(D, stage("d",
          List.of(FINE), List.of(buy("1000"), order("TINY", Side.BUY, quantity, price),
              order("VTI", Side.SELL, "0.999999999998", price))), run("r4")));
      assertThat(shortBy.getMessage(), containsString("orders_within_each_accounts_cash"));
    }
  }

  @Test
  void aHouseholdWorthLittleBesideItsPositionsHasWeightsOfThousandsThatLoadExactly()
      throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
      TradeOrder heavy = new TradeOrder("H1", "B1", "A1", "VTI", Side.SELL, BigDecimal.ONE,
          new BigDecimal("100.5"), new BigDecimal("10000"), new BigDecimal("0.5"), "overweight");
      TradeOrder shortWeight = new TradeOrder("H1", "B1", "A1", "XYZ", Side.SELL, BigDecimal.TEN,
          new BigDecimal("0.123456789050001"), new BigDecimal("-12345.678901"),
          new BigDecimal("0.25"), "overweight");
      w.loadRun(D, stage("a", List.of(FINE), List.of(heavy, shortWeight)), run("r1"));
      assertSameNumbers(column(w, "SELECT current_weight FROM trade_orders ORDER BY symbol"),
          decimals("10000", "-12345.678901"));
      try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
          "SELECT CAST(current_weight AS VARCHAR), CAST(target_weight AS VARCHAR)"
              + " FROM trade_orders ORDER BY symbol")) {
        rs.next();
        assertThat(rs.getString(1) + " " + rs.getString(2), is("10000.000000 0.500000"));
        rs.next();
        assertThat(rs.getString(1) + " " + rs.getString(2), is("-12345.678901 0.250000"));
      }
    }
  }

  @Test
  void aWarehouseOfNarrowerDecimalsIsWidenedOnOpenAndKeepsItsValues() throws Exception {
    Path file = dir.resolve("old.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement()) {
      // the money and weight types of a warehouse written before they were widened
      s.execute("CREATE TABLE holdings (run_date DATE, brokerage_id VARCHAR, account_id VARCHAR,"
          + " household_id VARCHAR, symbol VARCHAR, asset_class VARCHAR, quantity DECIMAL(38,10),"
          + " price DECIMAL(38,10), market_value DECIMAL(38,10), is_cash BOOLEAN,"
          + " account_scope_id VARCHAR)");
      s.execute("INSERT INTO holdings VALUES (DATE '2026-11-19', 'B1', 'A1', 'H1', 'VTI', 'EQ',"
          + " 10.0123456789, 100, 1001.23456789, false, 'B1/A1')");
      s.execute("CREATE TABLE prices (value_date DATE, symbol VARCHAR, close DECIMAL(38,10)"
          + " NOT NULL, PRIMARY KEY (value_date, symbol))");
      s.execute("INSERT INTO prices VALUES (DATE '2026-11-19', 'VTI', 100.0000000001)");
      s.execute("CREATE TABLE trade_orders (run_date DATE, order_id VARCHAR, household_id"
          + " VARCHAR, brokerage_id VARCHAR, account_id VARCHAR, symbol VARCHAR, side VARCHAR,"
          + " quantity DECIMAL(38,10), price DECIMAL(38,10), estimated_amount DECIMAL(38,2),"
          + " current_weight DECIMAL(10,6), target_weight DECIMAL(10,6), reason VARCHAR)");
      s.execute("INSERT INTO trade_orders VALUES (DATE '2026-11-19', 'o1', 'H1', 'B1', 'A1',"
          + " 'VTI', 'SELL', 1, 100, 100, 0.5, 0.25, 'overweight')");
    }
    try (Warehouse w = Warehouse.open(file)) {
      assertThat(types(w, "holdings", "quantity", "price", "market_value"),
          is("DECIMAL(38,18) DECIMAL(38,18) DECIMAL(38,18)"));
      assertThat(types(w, "prices", "close"), is("DECIMAL(38,18)"));
      assertThat(types(w, "trade_orders", "quantity", "current_weight", "target_weight",
          "estimated_amount"), is("DECIMAL(38,18) DECIMAL(38,6) DECIMAL(38,6) DECIMAL(38,2)"));
      assertSameNumbers(column(w, "SELECT quantity FROM holdings"), decimals("10.0123456789"));
      assertSameNumbers(column(w, "SELECT close FROM prices"), decimals("100.0000000001"));
      // the next run stores its 18 decimals and weights of thousands beside the old rows
      TradeOrder heavy = new TradeOrder("H1", "B1", "A1", "VTI", Side.SELL, BigDecimal.ONE,
          new BigDecimal("100.5"), new BigDecimal("10000"), new BigDecimal("0.5"), "overweight");
      w.loadRun(D, stage("a", List.of(FINE), List.of(heavy)), run("r1"));
      assertSameNumbers(column(w, "SELECT price FROM holdings WHERE symbol = 'TINY'"),
          decimals("0.123456789012345678"));
      assertSameNumbers(column(w, "SELECT current_weight FROM trade_orders ORDER BY run_date"),
          decimals("0.5", "10000"));
      assertThat(column(w, "SELECT count(*) FROM drawdown").size(), is(1));
    }
    try (Warehouse w = Warehouse.open(file)) { // opening again changes nothing
      assertThat(types(w, "holdings", "quantity"), is("DECIMAL(38,18)"));
      assertThat(column(w, "SELECT quantity FROM holdings").size(), is(5));
    }
  }

  private static String types(Warehouse w, String table, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
          "SELECT data_type FROM duckdb_columns() WHERE table_name = '" + table
              + "' AND column_name = '" + c + "'")) {
        rs.next();
        out.add(rs.getString(1));
      }
    }
    return String.join(" ", out);
  }
}
