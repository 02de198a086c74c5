package io.rebalancer.io;

import java.util.List;

/**
 * The warehouse's views. The value series are derived, not stored: DuckDB computes them on query
 * from {@code holdings} and {@code prices}, as {@code ValueSeries} and {@code SeriesAnalytics} do.
 * Every step keeps (run_date, scope, scope_id) as a group or window partition key, so a filter on
 * one account or household is pushed down to the holdings scan.
 */
final class WarehouseViews {
  private static final String SCOPE = "PARTITION BY run_date, scope, scope_id";

  private WarehouseViews() {}

  /** Each scope's pooled holdings: quantity per non-cash symbol, and cash as one row of no symbol. */
  private static final String SERIES_POSITIONS = "CREATE OR REPLACE VIEW series_positions AS"
      + " SELECT run_date, scope, scope_id, symbol, amount,"
      + " coalesce(sum(amount) FILTER (WHERE symbol IS NULL) OVER scope, 0) AS cash,"
      + " count(*) FILTER (WHERE symbol IS NOT NULL AND amount <> 0) OVER scope AS held,"
      + " row_number() OVER scope AS nth"
      + " FROM (" + pooled("'account'", "account_scope_id") + " UNION ALL "
      + pooled("'household'", "household_id") + ") WINDOW scope AS (" + SCOPE + ")";

  private static String pooled(String scope, String scopeId) {
    return "SELECT run_date, " + scope + " AS scope, " + scopeId + " AS scope_id,"
        + " CASE WHEN is_cash THEN NULL ELSE symbol END AS symbol,"
        + " sum(CASE WHEN is_cash THEN market_value ELSE quantity END) AS amount"
        + " FROM holdings GROUP BY ALL";
  }

  /**
   * The value on each date up to the run date on which every symbol held (nonzero) has a close;
   * a scope that holds none is valued, at its cash, on every date that has any close: one of its
   * rows joins those dates under the symbol '' (no symbol is empty), so holdings are read once.
   * Each position's value is its quantity × close to 18 decimals (DecimalSql.product).
   */
  private static final String SERIES_VALUES = "CREATE OR REPLACE VIEW series_values AS"
      + " SELECT h.run_date, h.scope, h.scope_id, p.value_date,"
      + " h.cash + sum(" + DecimalSql.product("h.amount", "p.close") + ") AS portfolio_value"
      + " FROM (SELECT *, CASE WHEN held > 0 AND amount <> 0 THEN symbol"
      + " WHEN held = 0 AND nth = 1 THEN '' END AS priced_by FROM series_positions) h"
      + " JOIN (SELECT symbol, value_date, close FROM prices"
      + " UNION ALL SELECT DISTINCT '', value_date, 0 FROM prices) p"
      + " ON p.symbol = h.priced_by AND p.value_date <= h.run_date"
      + " GROUP BY h.run_date, h.scope, h.scope_id, p.value_date, h.cash, h.held"
      + " HAVING count(*) = greatest(h.held, 1)";

  /**
   * Returns, cumulative return, drawdown and the rolling volatility of the last 30 returns (from
   * the 30th return on). A series is empty where SeriesAnalytics gives none: when its first value,
   * or any value but its last, is zero or less (a return from it is undefined).
   */
  private static final String SERIES_ANALYTICS = "CREATE OR REPLACE VIEW series_analytics AS"
      + " SELECT run_date, scope, scope_id, value_date,"
      + " CAST(portfolio_value AS DECIMAL(38,10)) AS portfolio_value, daily_return,"
      + " cumulative_return, drawdown, CASE WHEN n > 30 THEN stddev_samp(daily_return) OVER ("
      + SCOPE + " ORDER BY value_date ROWS BETWEEN 29 PRECEDING AND CURRENT ROW) * sqrt(252)"
      + " END AS volatility"
      + " FROM (SELECT *, count(*) FILTER (WHERE portfolio_value <= 0 AND (n = 1 OR NOT last))"
      + " OVER (" + SCOPE + ") AS undefined"
      + " FROM (SELECT run_date, scope, scope_id, value_date, portfolio_value,"
      + " row_number() OVER w AS n, lead(value_date) OVER w IS NULL AS last,"
      + " portfolio_value / lag(portfolio_value) OVER w - 1 AS daily_return,"
      + " portfolio_value / first_value(portfolio_value) OVER w - 1 AS cumulative_return,"
      + " 1 - portfolio_value / max(portfolio_value) OVER (w ROWS UNBOUNDED PRECEDING)"
      + " AS drawdown FROM series_values WINDOW w AS (" + SCOPE + " ORDER BY value_date)))"
      + " WHERE undefined = 0";

  /** Run dates the changes compare: the latest successful run's, and the one before it. */
  private static final String COMPARED = "(SELECT run_date FROM dates"
      + " UNION ALL SELECT previous_run_date FROM dates)";

  /**
   * What changed from the previous run date (the latest run date before the latest successful
   * run's that has a successful run; the tables hold that date's last successful run) to the
   * latest successful run, one row per change:
   * <ul>
   *   <li>{@code drift}: every household of the latest run, its largest absolute drift of any
   *       symbol (cash included), or of any class on a class model (whose symbols have none),
   *       now and then (NULL when it was not in the previous run);
   *   <li>{@code went_out_of_band}, {@code back_in_band}: a household in both runs that has a
   *       symbol out of band now and had none then, or the reverse;
   *   <li>{@code new_order}, {@code gone_order}: an order (household, brokerage, account, symbol,
   *       side) of one run and not the other, with its quantity in that run.
   * </ul>
   * No rows when no earlier date has a successful run: there is nothing to compare.
   */
  private static final String CHANGES_SINCE_PREVIOUS_RUN =
      "CREATE OR REPLACE VIEW changes_since_previous_run AS"
      + " WITH dates AS (SELECT r.run_date, max(p.run_date) AS previous_run_date"
      + " FROM latest_successful_run r JOIN pipeline_runs p ON p.status = 'SUCCEEDED'"
      + " AND p.run_date < r.run_date GROUP BY r.run_date),"
      + " households AS (SELECT run_date, scope_id AS household_id, bool_or(out_of_band)"
      + " AS out_of_band, max(abs(drift)) AS max_abs_drift FROM (SELECT run_date, scope,"
      + " scope_id, out_of_band, drift FROM allocations UNION ALL SELECT run_date, scope,"
      + " scope_id, out_of_band, drift FROM asset_class_allocations"
      + " WHERE target_weight IS NOT NULL)"
      + " WHERE scope = 'household' AND run_date IN " + COMPARED + " GROUP BY ALL),"
      + " now_then AS (SELECT d.run_date, d.previous_run_date, n.household_id, n.out_of_band,"
      + " p.out_of_band AS was_out_of_band, n.max_abs_drift,"
      + " p.max_abs_drift AS previous_max_abs_drift FROM dates d"
      + " JOIN households n ON n.run_date = d.run_date LEFT JOIN households p"
      + " ON p.run_date = d.previous_run_date AND p.household_id = n.household_id),"
      + " orders AS (SELECT o.run_date = d.run_date AS is_now, o.household_id, o.brokerage_id,"
      + " o.account_id, o.symbol, o.side, o.quantity FROM trade_orders o"
      + " JOIN dates d ON o.run_date IN (d.run_date, d.previous_run_date)),"
      + " order_changes AS (SELECT household_id, brokerage_id, account_id, symbol, side,"
      + " n.quantity, p.quantity AS previous_quantity, p.is_now IS NULL AS is_new"
      + " FROM (SELECT * FROM orders WHERE is_now) n FULL JOIN"
      + " (SELECT * FROM orders WHERE NOT is_now) p"
      + " USING (household_id, brokerage_id, account_id, symbol, side)"
      + " WHERE n.is_now IS NULL OR p.is_now IS NULL)"
      + " SELECT run_date, previous_run_date, 'drift' AS change, household_id,"
      + " CAST(NULL AS VARCHAR) AS brokerage_id, CAST(NULL AS VARCHAR) AS account_id,"
      + " CAST(NULL AS VARCHAR) AS symbol, CAST(NULL AS VARCHAR) AS side,"
      + " CAST(NULL AS " + Cells.MONEY + ") AS quantity,"
      + " CAST(NULL AS " + Cells.MONEY + ") AS previous_quantity, max_abs_drift,"
      + " previous_max_abs_drift, max_abs_drift - previous_max_abs_drift AS drift_change"
      + " FROM now_then"
      + " UNION ALL SELECT run_date, previous_run_date, CASE WHEN out_of_band"
      + " THEN 'went_out_of_band' ELSE 'back_in_band' END, household_id, NULL, NULL, NULL,"
      + " NULL, NULL, NULL, max_abs_drift, previous_max_abs_drift,"
      + " max_abs_drift - previous_max_abs_drift FROM now_then"
      + " WHERE out_of_band <> was_out_of_band"
      + " UNION ALL SELECT d.run_date, d.previous_run_date, CASE WHEN is_new THEN 'new_order'"
      + " ELSE 'gone_order' END, household_id, brokerage_id, account_id, symbol, side, quantity,"
      + " previous_quantity, NULL, NULL, NULL FROM order_changes, dates d";

  /**
   * Each household's estimated realised gain of each run date: what its sells would be taxed on
   * now, so taxable accounts only (a sale in an IRA is not). Gains by term of the lots of known
   * basis, the shares sold of unknown basis, the lots at risk of a wash sale. Only households
   * whose sells took some lot of known basis (in any account) have a row, so a book without lots
   * has none.
   */
  private static final String HOUSEHOLD_REALIZED_GAINS =
      "CREATE OR REPLACE VIEW household_realized_gains AS SELECT run_date, household_id,"
      + taxable("sum(gain)", "term = 'short'") + " AS short_term_gain,"
      + taxable("sum(gain)", "term = 'long'") + " AS long_term_gain,"
      + taxable("sum(gain)", "term = 'unknown'") + " AS unknown_term_gain,"
      + taxable("sum(gain)", "true") + " AS taxable_gain,"
      + taxable("sum(quantity)", "cost_basis IS NULL") + " AS unknown_basis_shares,"
      + " count(*) FILTER (WHERE account_type = 'taxable' AND wash_sale_risk) AS wash_sale_lots"
      + " FROM realized_gains GROUP BY run_date, household_id HAVING count(cost_basis) > 0";

  /** An aggregate over the taxable rows that meet a condition; 0 where there are none. */
  private static String taxable(String aggregate, String condition) {
    return " coalesce(" + aggregate + " FILTER (WHERE account_type = 'taxable' AND " + condition
        + "), 0)";
  }

  private static String series(String view, String column, String filter) {
    return "CREATE OR REPLACE VIEW " + view + " AS SELECT run_date, scope, scope_id, value_date,"
        + " portfolio_value, " + column + " FROM series_analytics" + filter;
  }

  /** In creation order: each view after the views it reads. */
  static final List<String> ALL = List.of(SERIES_POSITIONS, SERIES_VALUES, SERIES_ANALYTICS,
      series("daily_returns", "daily_return", " WHERE daily_return IS NOT NULL"),
      series("cumulative_returns", "cumulative_return", ""),
      series("drawdown", "drawdown", ""),
      series("rolling_volatility", "volatility", " WHERE volatility IS NOT NULL"),
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
          + " prices UNION ALL SELECT run_date FROM pipeline_runs))",
      // What an analyst opens first: the latest successful run and its household allocations.
      // The latest run date's last successful run: re-running an older date later is not the
      // latest (its finish time is).
      "CREATE OR REPLACE VIEW latest_successful_run AS SELECT * FROM pipeline_runs"
          + " WHERE status = 'SUCCEEDED' ORDER BY run_date DESC, finished_at DESC, run_id DESC"
          + " LIMIT 1",
      "CREATE OR REPLACE VIEW household_allocation_vs_target AS SELECT a.run_date,"
          + " a.scope_id AS household_id, a.symbol, a.market_value, a.weight, a.target_weight,"
          + " a.drift, a.out_of_band, a.post_trade_weight FROM allocations a"
          + " JOIN latest_successful_run r ON a.run_date = r.run_date"
          + " WHERE a.scope = 'household'",
      CHANGES_SINCE_PREVIOUS_RUN,
      HOUSEHOLD_REALIZED_GAINS);
}
