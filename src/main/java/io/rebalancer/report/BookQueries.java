package io.rebalancer.report;

import io.rebalancer.report.BookFacts.BrokerageOrders;
import io.rebalancer.report.BookFacts.Gain;
import io.rebalancer.report.BookFacts.Household;
import io.rebalancer.report.BookFacts.HouseholdDetail;
import io.rebalancer.report.BookFacts.HouseholdGains;
import io.rebalancer.report.BookFacts.Order;
import io.rebalancer.report.BookFacts.SymbolWeight;
import io.rebalancer.report.BookFacts.Totals;
import io.rebalancer.report.BookFacts.Unplaced;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The book of one run date: its totals, its households worst first, and their details. */
final class BookQueries {
  private final Connection c;
  private final String date;

  BookQueries(Connection c, LocalDate runDate) {
    this.c = c;
    this.date = "DATE '" + runDate + "'"; // a LocalDate's ISO text: no quoting to get wrong
  }

  /**
   * Every household of the run, ranked: out of band first, then by the largest drift of a symbol
   * that trades (cash never does), then by id, so that the ranking is the same on every run of
   * the same inputs.
   */
  private String ranked() {
    return "WITH a AS (SELECT scope_id AS household_id,"
        + "   count(*) FILTER (WHERE out_of_band) AS symbols_out_of_band,"
        + "   coalesce(max(abs(drift)) FILTER (WHERE symbol <> 'CASH'), 0) AS max_drift"
        + "   FROM " + householdRows() + " GROUP BY ALL),"
        + " m AS (SELECT household_id, min(model_id) AS model_id, count(*) AS accounts,"
        + "   sum(total_value) AS total_value FROM portfolio_metrics WHERE run_date = " + date
        + "   GROUP BY ALL),"
        + " o AS (SELECT household_id, count(*) AS orders FROM trade_orders"
        + "   WHERE run_date = " + date + " GROUP BY ALL),"
        + " u AS (SELECT household_id, count(*) AS unplaced FROM unplaced_trades"
        + "   WHERE run_date = " + date + " GROUP BY ALL),"
        + " h AS (SELECT m.*, coalesce(a.symbols_out_of_band, 0) AS symbols_out_of_band,"
        + "   coalesce(a.max_drift, 0) AS max_drift, coalesce(o.orders, 0) AS orders,"
        + "   coalesce(u.unplaced, 0) AS unplaced FROM m LEFT JOIN a USING (household_id)"
        + "   LEFT JOIN o USING (household_id) LEFT JOIN u USING (household_id))"
        + " SELECT row_number() OVER (ORDER BY symbols_out_of_band > 0 DESC, max_drift DESC,"
        + "   household_id) AS rank, * FROM h";
  }

  /**
   * The run's household rows that carry a target: every symbol's, and on a class model (whose
   * symbols have none) every class's, the class named as symbol.
   */
  private String householdRows() {
    return "(SELECT scope_id, symbol, out_of_band, drift FROM allocations WHERE run_date = " + date
        + " AND scope = 'household' UNION ALL SELECT scope_id, asset_class, out_of_band, drift"
        + " FROM " + classRows() + ")";
  }

  /** The run's household class rows of class models (the only ones with a target). */
  private String classRows() {
    return "asset_class_allocations WHERE run_date = " + date + " AND scope = 'household'"
        + " AND target_weight IS NOT NULL";
  }

  private static Household household(ResultSet rs) throws SQLException {
    return new Household(rs.getLong("rank"), rs.getString("household_id"),
        rs.getString("model_id"), rs.getLong("accounts"), Sql.decimal(rs, "total_value"),
        rs.getLong("symbols_out_of_band"), rs.getDouble("max_drift"), rs.getLong("orders"),
        rs.getLong("unplaced"));
  }

  /** The worst households, at most limit of them. */
  List<Household> worst(int limit) throws SQLException {
    return Sql.list(c, "SELECT * FROM (" + ranked() + ") ORDER BY rank LIMIT " + limit,
        BookQueries::household);
  }

  /** Every household, worst first, one at a time: the index holds the whole book. */
  void forEachHousehold(Sql.Sink<Household> sink) throws SQLException, IOException {
    Sql.forEach(c, "SELECT * FROM (" + ranked() + ") ORDER BY rank", BookQueries::household,
        sink);
  }

  Totals totals() throws SQLException {
    return Sql.list(c, "SELECT"
        + " (SELECT count(DISTINCT household_id) FROM portfolio_metrics WHERE run_date = " + date
        + ") AS households,"
        + " (SELECT count(*) FROM portfolio_metrics WHERE run_date = " + date + ") AS accounts,"
        + " (SELECT coalesce(sum(total_value), 0) FROM portfolio_metrics WHERE run_date = " + date
        + ") AS total_value,"
        + " (SELECT count(DISTINCT scope_id) FROM " + householdRows() + " WHERE out_of_band)"
        + "   AS out_of_band,"
        + " (SELECT count(*) FROM trade_orders WHERE run_date = " + date + " AND side = 'SELL')"
        + "   AS sells,"
        + " (SELECT coalesce(sum(estimated_amount), 0) FROM trade_orders WHERE run_date = " + date
        + "   AND side = 'SELL') AS sell_amount,"
        + " (SELECT count(*) FROM trade_orders WHERE run_date = " + date + " AND side = 'BUY')"
        + "   AS buys,"
        + " (SELECT coalesce(sum(estimated_amount), 0) FROM trade_orders WHERE run_date = " + date
        + "   AND side = 'BUY') AS buy_amount,"
        + " (SELECT count(*) FROM unplaced_trades WHERE run_date = " + date + ") AS unplaced,"
        + " (SELECT count(*) FROM rejected_records WHERE run_date = " + date + ") AS rejected",
        rs -> new Totals(rs.getLong("households"), rs.getLong("accounts"),
            Sql.decimal(rs, "total_value"), rs.getLong("out_of_band"), rs.getLong("sells"),
            Sql.decimal(rs, "sell_amount"), rs.getLong("buys"), Sql.decimal(rs, "buy_amount"),
            rs.getLong("unplaced"), rs.getLong("rejected"))).get(0);
  }

  List<BrokerageOrders> ordersByBrokerage() throws SQLException {
    return Sql.list(c, "SELECT brokerage_id, count(DISTINCT account_id) AS accounts,"
        + " count(*) FILTER (WHERE side = 'SELL') AS sells,"
        + " coalesce(sum(estimated_amount) FILTER (WHERE side = 'SELL'), 0) AS sell_amount,"
        + " count(*) FILTER (WHERE side = 'BUY') AS buys,"
        + " coalesce(sum(estimated_amount) FILTER (WHERE side = 'BUY'), 0) AS buy_amount"
        + " FROM trade_orders WHERE run_date = " + date + " GROUP BY ALL ORDER BY brokerage_id",
        rs -> new BrokerageOrders(rs.getString("brokerage_id"), rs.getLong("accounts"),
            rs.getLong("sells"), Sql.decimal(rs, "sell_amount"), rs.getLong("buys"),
            Sql.decimal(rs, "buy_amount")));
  }

  /**
   * The largest drifts of the book: household symbols that trade, by |drift|, and on a class
   * model its classes (but cash), whose symbols have no drift.
   */
  List<SymbolWeight> largestDrifts(int limit) throws SQLException {
    return Sql.list(c, "SELECT * FROM (SELECT " + WEIGHT_COLUMNS.replace("$item", "symbol")
        + " FROM allocations WHERE run_date = " + date + " AND scope = 'household'"
        + " AND drift IS NOT NULL UNION ALL SELECT " + WEIGHT_COLUMNS.replace("$item",
            "asset_class") + " FROM " + classRows() + ") WHERE symbol <> 'CASH'"
        + " ORDER BY abs(drift) DESC, scope_id, symbol LIMIT " + limit, BookQueries::weight);
  }

  /** What {@link #weight} reads, of a symbol row or (as symbol) a class row. */
  private static final String WEIGHT_COLUMNS = "scope_id, $item AS symbol, market_value, weight,"
      + " target_weight, drift, out_of_band, post_trade_weight";

  private static SymbolWeight weight(ResultSet rs) throws SQLException {
    return new SymbolWeight(rs.getString("scope_id"), rs.getString("symbol"),
        Sql.decimal(rs, "market_value"), rs.getDouble("weight"),
        Sql.nullableDouble(rs, "target_weight"), Sql.nullableDouble(rs, "drift"),
        rs.getBoolean("out_of_band"), Sql.nullableDouble(rs, "post_trade_weight"));
  }

  /**
   * The households of the largest estimated taxable gains (household_realized_gains: those whose
   * sells took a lot of known basis), largest first, then by id.
   */
  List<HouseholdGains> largestGains(int limit) throws SQLException {
    return Sql.list(c, "SELECT * FROM household_realized_gains WHERE run_date = " + date
        + " ORDER BY taxable_gain DESC, household_id LIMIT " + limit,
        rs -> new HouseholdGains(rs.getString("household_id"), Sql.decimal(rs, "short_term_gain"),
            Sql.decimal(rs, "long_term_gain"), Sql.decimal(rs, "unknown_term_gain"),
            Sql.decimal(rs, "taxable_gain"), Sql.decimal(rs, "unknown_basis_shares"),
            rs.getLong("wash_sale_lots")));
  }

  /**
   * The lots the households' sells took, for those whose sells took one of known basis: in the
   * orders' order, then as each sell took them (Lot.SELL_ORDER: highest cost per share first,
   * later open date first, then lot id; unknown basis last).
   */
  private Map<String, List<Gain>> gains(String households) throws SQLException {
    Map<String, List<Gain>> out = new LinkedHashMap<>();
    Sql.list(c, "SELECT * FROM realized_gains WHERE run_date = " + date
        + " AND household_id IN " + households + " AND household_id IN (SELECT household_id"
        + " FROM realized_gains WHERE run_date = " + date + " AND cost_basis IS NOT NULL)"
        + " ORDER BY household_id, brokerage_id, account_id, symbol, cost_basis IS NULL,"
        + " cost_basis / quantity DESC, open_date DESC NULLS LAST, lot_id",
        rs -> new Gain(rs.getString("household_id"), rs.getString("brokerage_id"),
            rs.getString("account_id"), rs.getString("account_type"), rs.getString("symbol"),
            rs.getString("lot_id"), rs.getObject("open_date", LocalDate.class),
            Sql.decimal(rs, "quantity"), Sql.decimal(rs, "cost_basis"),
            Sql.decimal(rs, "proceeds"), Sql.decimal(rs, "gain"), rs.getString("term"),
            rs.getBoolean("wash_sale_risk")))
        .forEach(g -> out.computeIfAbsent(g.householdId(), k -> new ArrayList<>()).add(g));
    return out;
  }

  /** The given households in full, in their order. */
  List<HouseholdDetail> details(List<Household> households) throws SQLException {
    Map<String, List<SymbolWeight>> weights = new LinkedHashMap<>();
    Map<String, List<SymbolWeight>> classes = new LinkedHashMap<>();
    Map<String, List<Order>> orders = new LinkedHashMap<>();
    Map<String, List<Unplaced>> unplaced = new LinkedHashMap<>();
    if (households.isEmpty()) {
      return List.of();
    }
    String worst = "(SELECT household_id FROM (" + ranked() + ") WHERE rank <= "
        + households.get(households.size() - 1).rank() + ")";
    Sql.list(c, "SELECT * FROM allocations WHERE run_date = " + date + " AND scope = 'household'"
        + " AND scope_id IN " + worst + " ORDER BY scope_id, symbol", BookQueries::weight)
        .forEach(w -> weights.computeIfAbsent(w.householdId(), k -> new ArrayList<>()).add(w));
    Sql.list(c, "SELECT " + WEIGHT_COLUMNS.replace("$item", "asset_class") + " FROM "
        + classRows() + " AND scope_id IN " + worst + " ORDER BY scope_id, asset_class",
        BookQueries::weight)
        .forEach(w -> classes.computeIfAbsent(w.householdId(), k -> new ArrayList<>()).add(w));
    Sql.list(c, "SELECT * FROM trade_orders WHERE run_date = " + date + " AND household_id IN "
        + worst + " ORDER BY household_id, brokerage_id, account_id, side DESC, symbol",
        rs -> new Order(rs.getString("order_id"), rs.getString("household_id"),
            rs.getString("brokerage_id"), rs.getString("account_id"), rs.getString("symbol"),
            rs.getString("side"), Sql.decimal(rs, "quantity"), Sql.decimal(rs, "price"),
            Sql.decimal(rs, "estimated_amount"), Sql.decimal(rs, "current_weight"),
            Sql.decimal(rs, "target_weight"), rs.getString("reason")))
        .forEach(o -> orders.computeIfAbsent(o.householdId(), k -> new ArrayList<>()).add(o));
    Sql.list(c, "SELECT * FROM unplaced_trades WHERE run_date = " + date
        + " AND household_id IN " + worst + " ORDER BY household_id, symbol, side",
        rs -> new Unplaced(rs.getString("household_id"), rs.getString("symbol"),
            rs.getString("side"), Sql.decimal(rs, "quantity"), rs.getString("reason")))
        .forEach(u -> unplaced.computeIfAbsent(u.householdId(), k -> new ArrayList<>()).add(u));
    Map<String, List<Gain>> gains = gains(worst);
    return households.stream().map(h -> new HouseholdDetail(h,
        classes.getOrDefault(h.householdId(), List.of()), weights.getOrDefault(h.householdId(), List.of()),
        orders.getOrDefault(h.householdId(), List.of()),
        unplaced.getOrDefault(h.householdId(), List.of()),
        gains.getOrDefault(h.householdId(), List.of()))).toList();
  }
}
