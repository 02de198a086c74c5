package io.rebalancer.io;

import io.rebalancer.core.InputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Data-quality checks run inside the load transaction, before commit, as dbt's tests would: each
 * is a query for the run date's violations; any row fails the run, naming the check.
 */
public final class QualityChecks {
  /** A named query whose rows are violations; each of its parameters is the run date. */
  record Check(String name, String sql) {}

  /** How far from 1 a scope's weights may sum, per unit of their absolute sum. */
  static final String WEIGHT_SUM_TOLERANCE = "1e-9";

  private QualityChecks() {}

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    for (Table<?> t : WarehouseTables.LOADED) {
      if (t.load() != Table.Load.PER_RUN_DATE) {
        continue; // prices: its primary key holds each (value_date, symbol) once, never NULL
      }
      String key = String.join(", ", t.key());
      checks.add(new Check("unique_" + t.name() + "(" + key + ")", "SELECT " + key
          + ", count(*) FROM " + t.name() + " WHERE run_date = ? GROUP BY ALL HAVING count(*) > 1"));
      String nulls = String.join(" OR ", t.required().stream().map(c -> isNull(t, c)).toList());
      checks.add(new Check("not_null_" + t.name() + "(" + String.join(", ", t.required()) + ")",
          "SELECT * FROM " + t.name() + " WHERE run_date = ? AND (" + nulls + ")"));
    }
    checks.add(new Check("relationship_trade_orders_accounts",
        "SELECT o.brokerage_id, o.account_id FROM trade_orders o ANTI JOIN portfolio_metrics m"
            + " ON m.run_date = o.run_date AND m.brokerage_id = o.brokerage_id"
            + " AND m.account_id = o.account_id WHERE o.run_date = ?"));
    checks.add(new Check("relationship_portfolio_metrics_holdings",
        "SELECT m.brokerage_id, m.account_id FROM portfolio_metrics m ANTI JOIN holdings h"
            + " ON h.run_date = m.run_date AND h.brokerage_id = m.brokerage_id"
            + " AND h.account_id = m.account_id WHERE m.run_date = ?"));
    // Both sides are stored exactly as the pipeline computed them (StoredNumbers keeps inputs
    // within DECIMAL(38,18), and a sum of them is exact), so any difference is wrong data.
    checks.add(new Check("reconcile_total_value_with_holdings",
        "SELECT m.brokerage_id, m.account_id, m.total_value, sum(h.market_value)"
            + " FROM portfolio_metrics m JOIN holdings h ON h.run_date = m.run_date"
            + " AND h.brokerage_id = m.brokerage_id AND h.account_id = m.account_id"
            + " WHERE m.run_date = ? GROUP BY ALL HAVING m.total_value <> sum(h.market_value)"));
    // An order's cost has up to 36 decimals, more than DuckDB can hold beside its integer
    // digits: each is taken to 18, and the buys may exceed by what those roundings can add up to.
    String cost = DecimalSql.product("o.quantity", "o.price");
    checks.add(new Check("orders_within_each_accounts_cash",
        "SELECT o.brokerage_id, o.account_id FROM trade_orders o JOIN portfolio_metrics m"
            + " ON m.run_date = o.run_date AND m.brokerage_id = o.brokerage_id"
            + " AND m.account_id = o.account_id WHERE o.run_date = ?"
            + " GROUP BY o.brokerage_id, o.account_id, m.cash_value, m.cash_reserve"
            + " HAVING sum(CASE WHEN o.side = 'BUY' THEN " + cost + " ELSE 0 END)"
            + " > greatest(m.cash_value - m.cash_reserve, 0)"
            + " + sum(CASE WHEN o.side = 'SELL' THEN " + cost + " ELSE 0 END)"
            + " + " + DecimalSql.productError("count(*)")));
    checks.add(sellsWithinHoldings());
    checks.add(weightsSumToOne());
    checks.add(postTradeWeightIsWeightWithoutOrders());
    // One condition for both rules: a known basis has its gain to the cent, and an unknown
    // basis (NULL) has none, since proceeds - NULL is NULL.
    checks.add(new Check("realized_gains_gain_is_proceeds_less_cost_basis",
        "SELECT order_id, lot_id, proceeds, cost_basis, gain FROM realized_gains"
            + " WHERE run_date = ? AND gain IS DISTINCT FROM proceeds - cost_basis"));
    // The run fails on an unreconciled total before it loads; this keeps the table honest.
    checks.add(new Check("source_reconciliation_within_tolerance",
        "SELECT source_uri, line_number, account_id, stated_total, parsed_total"
            + " FROM source_reconciliation WHERE run_date = ?"
            + " AND (NOT within_tolerance OR difference <> parsed_total - stated_total)"));
    return checks;
  }

  /** A required column's NULL, but where its table allows it (Table.nullAllowedWhere). */
  private static String isNull(Table<?> t, String column) {
    String allowed = t.nullAllowedWhere(column);
    return allowed == null ? column + " IS NULL"
        : "(" + column + " IS NULL AND NOT " + allowed + ")";
  }

  /**
   * The names of the checks a load runs, in the order it runs them: each upserted table's staged
   * keys (see {@link #stagedKeyUnique}), then {@link #all}. A run that loaded passed every one.
   */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Table<?> t : WarehouseTables.LOADED) {
      if (t.load() == Table.Load.UPSERT) {
        names.add(stagedKeyName(t));
      }
    }
    all().forEach(c -> names.add(c.name()));
    return names;
  }

  private static String stagedKeyName(Table<?> t) {
    return "unique_staged_" + t.name() + "(" + String.join(", ", t.key()) + ")";
  }

  /**
   * A sell is within its holding: of no more shares than the account holds of the symbol, and
   * taken from the holding's lots, each a realized_gains row of its order_id, which add up to its
   * quantity exactly; no such row is without its SELL order. The violation names its problem
   * last.
   */
  private static Check sellsWithinHoldings() {
    return new Check("sells_within_holdings", "SELECT brokerage_id, account_id, symbol, order_id,"
        + " problem FROM (SELECT o.brokerage_id, o.account_id, o.symbol, o.order_id,"
        + " 'more than held' AS problem FROM trade_orders o JOIN holdings h"
        + " ON h.run_date = o.run_date AND h.brokerage_id = o.brokerage_id"
        + " AND h.account_id = o.account_id AND h.symbol = o.symbol AND NOT h.is_cash"
        + " WHERE o.run_date = ? AND o.side = 'SELL' AND o.quantity > h.quantity"
        + " UNION ALL SELECT coalesce(o.brokerage_id, g.brokerage_id),"
        + " coalesce(o.account_id, g.account_id), coalesce(o.symbol, g.symbol), order_id,"
        + " CASE WHEN o.order_id IS NULL THEN 'realized_gains rows without their SELL order'"
        + " WHEN g.order_id IS NULL THEN 'no realized_gains rows'"
        + " ELSE 'realized_gains rows of ' || g.quantity || ' shares, not ' || o.quantity END"
        + " FROM (SELECT brokerage_id, account_id, symbol, order_id, quantity FROM trade_orders"
        + " WHERE run_date = ? AND side = 'SELL') o FULL JOIN (SELECT order_id,"
        + " min(brokerage_id) AS brokerage_id, min(account_id) AS account_id,"
        + " min(symbol) AS symbol, sum(quantity) AS quantity FROM realized_gains"
        + " WHERE run_date = ? GROUP BY order_id) g USING (order_id)"
        + " WHERE o.quantity IS DISTINCT FROM g.quantity)"
        + " ORDER BY brokerage_id, account_id, symbol, order_id LIMIT 1");
  }

  /**
   * Each scope's weights, and its post-trade weights, sum to 1, as a model's targets must (within
   * 1e-9): its symbols' (allocations) and its asset classes' (asset_class_allocations, whose
   * post-trade weights a scope on a class model has). The stored weights are doubles, each within
   * 1e-16 of its exact quotient, so the bound grows with their absolute sum (a household worth
   * little beside its positions has weights in the thousands). A scope worth exactly nothing has
   * weights of 0 (Allocation.weight): its total market value is 0, and after its orders every
   * post-trade weight is 0. The violation names its table last.
   */
  private static Check weightsSumToOne() {
    return new Check("allocations_weights_sum_to_one", "SELECT scope, scope_id, weights, post_trade_weights, table_name FROM ("
        + sumsOffOne("allocations") + " UNION ALL " + sumsOffOne("asset_class_allocations")
        + ") ORDER BY table_name, scope, scope_id LIMIT 1");
  }

  private static String sumsOffOne(String table) {
    return "SELECT scope, scope_id, sum(weight) AS weights, sum(post_trade_weight)"
        + " AS post_trade_weights, '" + table + "' AS table_name FROM " + table
        + " WHERE run_date = ? GROUP BY scope, scope_id HAVING (sum(market_value) <> 0"
        + " AND " + offOne("weight") + ") OR (bool_or(post_trade_weight <> 0)"
        + " AND " + offOne("post_trade_weight") + ")";
  }

  private static String offOne(String weight) {
    return "abs(sum(" + weight + ") - 1) > " + WEIGHT_SUM_TOLERANCE + " * greatest(1, sum(abs("
        + weight + ")))";
  }

  /**
   * A scope that no order trades keeps its holdings: its post-trade weights are its weights, to
   * the bit (both are the same quotient), for its symbols and, on a class model, its classes. A
   * household's orders carry its id; an account's, the brokerage and account of its scope id.
   * The violation names its table last.
   */
  private static Check postTradeWeightIsWeightWithoutOrders() {
    return new Check("allocations_post_trade_weight_is_weight_without_orders",
        "WITH traded AS (SELECT run_date,"
            + " 'household' AS scope, household_id AS scope_id FROM trade_orders"
            + " UNION ALL SELECT run_date, 'account', brokerage_id || '/' || account_id"
            + " FROM trade_orders)"
            + " SELECT scope, scope_id, symbol, weight, post_trade_weight, table_name FROM ("
            + keptWithoutOrders("allocations", "symbol", "")
            + " UNION ALL " + keptWithoutOrders("asset_class_allocations", "asset_class",
                " AND a.post_trade_weight IS NOT NULL")
            + ") ORDER BY table_name, scope, scope_id, symbol LIMIT 1");
  }

  /** The rows of table whose scope has no order and whose post-trade weight is not its weight. */
  private static String keptWithoutOrders(String table, String item, String filter) {
    return "SELECT a.scope, a.scope_id, a." + item + " AS symbol, a.weight, a.post_trade_weight,"
        + " '" + table + "' AS table_name FROM " + table + " a ANTI JOIN traded o"
        + " ON o.run_date = a.run_date AND o.scope = a.scope AND o.scope_id = a.scope_id"
        + " WHERE a.run_date = ?" + filter
        + " AND a.post_trade_weight IS DISTINCT FROM a.weight";
  }

  /** Runs every check; returns how many ran, or fails naming the first that found a violation. */
  public static int run(Connection c, LocalDate runDate) throws SQLException {
    List<Check> checks = all();
    for (Check check : checks) {
      try (PreparedStatement ps = c.prepareStatement(check.sql())) {
        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
          ps.setObject(i, runDate);
        }
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            throw new InputException("data-quality check " + check.name() + " failed for "
                + runDate + ": " + describe(rs));
          }
        }
      }
    }
    return checks.size();
  }

  /** Fails the run when the staged rows (an SQL relation) hold a key of the table twice. */
  static void stagedKeyUnique(Connection c, Table<?> t, String staged) throws SQLException {
    String key = String.join(", ", t.key());
    String name = stagedKeyName(t);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", count(*) FROM " + staged
        + " GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        throw new InputException("data-quality check " + name + " failed: " + describe(rs));
      }
    }
  }

  private static String describe(ResultSet rs) throws SQLException {
    List<String> cells = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      cells.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
    }
    return String.join(", ", cells);
  }
}
