package io.rebalancer.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The warehouse's tables: the contract analysts query. Every table but pipeline_runs is per run date. */
public final class WarehouseTables {
  private static final String MONEY = "DECIMAL(38,10)";
  /** Columns that must not be NULL beyond each table's key (checked before commit). */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "holdings", List.of("household_id", "quantity", "price", "market_value", "is_cash"),
      "portfolio_metrics", List.of("household_id", "model_id", "total_value", "cash_value",
          "invested_value", "positions"),
      "allocations", List.of("market_value", "weight", "target_weight", "out_of_band"),
      "trade_orders", List.of("household_id", "brokerage_id", "account_id", "symbol", "side",
          "quantity", "price", "estimated_amount"),
      "unplaced_trades", List.of("reason"),
      "rejected_records", List.of("brokerage_id", "reason"),
      "value_series", List.of("portfolio_value"));

  public static final Table HOLDINGS = table("holdings",
      "run_date DATE, brokerage_id VARCHAR, account_id VARCHAR, household_id VARCHAR, symbol VARCHAR,"
          + " asset_class VARCHAR, quantity " + MONEY + ", price " + MONEY + ", market_value "
          + MONEY + ", is_cash BOOLEAN",
      "brokerage_id, account_id, symbol");
  public static final Table PORTFOLIO_METRICS = table("portfolio_metrics",
      "run_date DATE, brokerage_id VARCHAR, account_id VARCHAR, household_id VARCHAR,"
          + " model_id VARCHAR, total_value " + MONEY + ", cash_value " + MONEY
          + ", invested_value " + MONEY + ", positions INTEGER, hhi DOUBLE, volatility DOUBLE,"
          + " max_drawdown DOUBLE, risk_score INTEGER, cash_reserve " + MONEY,
      "brokerage_id, account_id");
  public static final Table ALLOCATIONS = table("allocations",
      "run_date DATE, scope VARCHAR, scope_id VARCHAR, household_id VARCHAR, symbol VARCHAR,"
          + " market_value " + MONEY + ", weight DOUBLE, target_weight DOUBLE, drift DOUBLE,"
          + " out_of_band BOOLEAN",
      "scope, scope_id, symbol");
  public static final Table ASSET_CLASS_ALLOCATIONS = table("asset_class_allocations",
      "run_date DATE, scope VARCHAR, scope_id VARCHAR, household_id VARCHAR, asset_class VARCHAR,"
          + " market_value " + MONEY + ", weight DOUBLE",
      "scope, scope_id, asset_class");
  public static final Table TRADE_ORDERS = table("trade_orders",
      "run_date DATE, order_id VARCHAR, household_id VARCHAR, brokerage_id VARCHAR,"
          + " account_id VARCHAR, symbol VARCHAR, side VARCHAR, quantity " + MONEY + ", price "
          + MONEY + ", estimated_amount DECIMAL(38,2), current_weight DECIMAL(10,6),"
          + " target_weight DECIMAL(10,6), reason VARCHAR",
      "order_id");
  public static final Table UNPLACED_TRADES = table("unplaced_trades",
      "run_date DATE, household_id VARCHAR, symbol VARCHAR, side VARCHAR, quantity " + MONEY
          + ", reason VARCHAR",
      "household_id, symbol, side");
  public static final Table REJECTED_RECORDS = table("rejected_records",
      "run_date DATE, brokerage_id VARCHAR, source_uri VARCHAR, line_number BIGINT,"
          + " reason VARCHAR, raw_line VARCHAR",
      "source_uri, line_number");
  public static final Table SOURCE_COUNTS = table("source_counts",
      "run_date DATE, source_id VARCHAR, files BIGINT, rows_read BIGINT, holdings BIGINT,"
          + " recognised BIGINT, rejected BIGINT",
      "source_id");
  /** Price-history series of every account and household; four views show its columns. */
  public static final Table VALUE_SERIES = table("value_series",
      "run_date DATE, scope VARCHAR, scope_id VARCHAR, household_id VARCHAR, value_date DATE,"
          + " portfolio_value " + MONEY + ", daily_return DOUBLE, cumulative_return DOUBLE,"
          + " drawdown DOUBLE, rolling_volatility DOUBLE",
      "scope, scope_id, value_date");
  /** The price history, each (value_date, symbol) once; every run upserts the closes it read. */
  public static final Table PRICES = table("prices",
      "value_date DATE, symbol VARCHAR, close " + MONEY, "value_date, symbol");
  public static final Table PIPELINE_RUNS = table("pipeline_runs",
      "run_id VARCHAR, run_date DATE, started_at TIMESTAMP, finished_at TIMESTAMP, runner VARCHAR,"
          + " status VARCHAR, records_read BIGINT, records_rejected BIGINT, accounts BIGINT,"
          + " households BIGINT, orders BIGINT, unplaced BIGINT, config VARCHAR, error VARCHAR,"
          + " checks INTEGER",
      "run_id");

  /** Not loaded: the run's totals, staged for the publisher to read. */
  public static final Table RUN_SUMMARY = table("run_summary",
      "run_date DATE, households BIGINT, accounts BIGINT, rebalanced BIGINT,"
          + " within_tolerance BIGINT, sells BIGINT, buys BIGINT, unplaced BIGINT,"
          + " sell_amount " + MONEY + ", buy_amount " + MONEY + ", total_value " + MONEY,
      "run_date");

  /** The tables a run loads from its staged rows, in load order. */
  public static final List<Table> PER_RUN = List.of(HOLDINGS, PORTFOLIO_METRICS, ALLOCATIONS,
      ASSET_CLASS_ALLOCATIONS, TRADE_ORDERS, UNPLACED_TRADES, REJECTED_RECORDS, SOURCE_COUNTS,
      VALUE_SERIES);

  /** The SPEC's series tables, as views of value_series. */
  public static final List<String> VIEWS = List.of(
      "CREATE OR REPLACE VIEW daily_returns AS SELECT run_date, scope, scope_id, value_date,"
          + " portfolio_value, daily_return FROM value_series WHERE daily_return IS NOT NULL",
      "CREATE OR REPLACE VIEW cumulative_returns AS SELECT run_date, scope, scope_id, value_date,"
          + " portfolio_value, cumulative_return FROM value_series",
      "CREATE OR REPLACE VIEW drawdown AS SELECT run_date, scope, scope_id, value_date,"
          + " portfolio_value, drawdown FROM value_series",
      "CREATE OR REPLACE VIEW rolling_volatility AS SELECT run_date, scope, scope_id, value_date,"
          + " portfolio_value, rolling_volatility AS volatility FROM value_series"
          + " WHERE rolling_volatility IS NOT NULL",
      // Dimensions: each account's and symbol's latest state, and a calendar of the data's dates.
      "CREATE OR REPLACE VIEW dim_account AS SELECT brokerage_id, account_id,"
          + " arg_max(household_id, run_date) AS household_id, arg_max(model_id, run_date)"
          + " AS model_id, arg_max(cash_reserve, run_date) AS cash_reserve,"
          + " min(run_date) AS first_run_date, max(run_date) AS last_run_date"
          + " FROM portfolio_metrics GROUP BY brokerage_id, account_id",
      "CREATE OR REPLACE VIEW dim_symbol AS SELECT symbol, arg_max(asset_class, run_date)"
          + " AS asset_class, arg_max(price, run_date) AS last_price, max(run_date) AS"
          + " last_run_date, bool_or(is_cash) AS is_cash FROM holdings GROUP BY symbol",
      "CREATE OR REPLACE VIEW dim_date AS SELECT CAST(d AS DATE) AS date, year(d) AS year,"
          + " quarter(d) AS quarter, month(d) AS month, isodow(d) AS iso_day_of_week,"
          + " isodow(d) <= 5 AS is_weekday FROM (SELECT unnest(range(min(d0), max(d0)"
          + " + INTERVAL 1 DAY, INTERVAL 1 DAY)) AS d FROM (SELECT value_date AS d0 FROM"
          + " value_series UNION ALL SELECT run_date FROM pipeline_runs))",
      // What an analyst opens first: the latest successful run and its household allocations.
      "CREATE OR REPLACE VIEW latest_successful_run AS SELECT * FROM pipeline_runs"
          + " WHERE status = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1",
      "CREATE OR REPLACE VIEW household_allocation_vs_target AS SELECT a.run_date,"
          + " a.scope_id AS household_id, a.symbol, a.market_value, a.weight, a.target_weight,"
          + " a.drift, a.out_of_band FROM allocations a JOIN latest_successful_run r"
          + " ON a.run_date = r.run_date WHERE a.scope = 'household'");

  private static final Map<String, Table> BY_NAME = List.of(HOLDINGS, PORTFOLIO_METRICS,
      ALLOCATIONS, ASSET_CLASS_ALLOCATIONS, TRADE_ORDERS, UNPLACED_TRADES, REJECTED_RECORDS,
      SOURCE_COUNTS, VALUE_SERIES, PRICES, PIPELINE_RUNS, RUN_SUMMARY).stream()
      .collect(Collectors.toMap(Table::name, Function.identity()));

  private WarehouseTables() {}

  public static Table named(String name) {
    Table t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no warehouse table " + name);
    }
    return t;
  }

  private static Table table(String name, String columns, String key) {
    List<Table.Column> cols = new ArrayList<>();
    for (String spec : columns.split(",(?![^(]*\\))")) {
      String[] parts = spec.trim().split(" ", 2);
      cols.add(new Table.Column(parts[0], parts[1]));
    }
    List<String> keyCols = new ArrayList<>();
    keyCols.add("run_date");
    keyCols.addAll(Arrays.stream(key.split(",")).map(String::trim).toList());
    if (name.equals("pipeline_runs") || name.equals("run_summary") || name.equals("prices")) {
      keyCols = Arrays.stream(key.split(",")).map(String::trim).toList();
    }
    List<String> required = new ArrayList<>(keyCols);
    required.addAll(REQUIRED.getOrDefault(name, List.of()));
    return new Table(name, cols, keyCols, required);
  }
}
