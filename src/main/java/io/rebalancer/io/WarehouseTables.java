package io.rebalancer.io;

import static io.rebalancer.io.Cells.CENTS;
import static io.rebalancer.io.Cells.MONEY;
import static io.rebalancer.io.Cells.cents;
import static io.rebalancer.io.Cells.date;
import static io.rebalancer.io.Cells.exact;
import static io.rebalancer.io.Cells.money;
import static io.rebalancer.io.Cells.number;
import static io.rebalancer.io.Cells.ratio;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.ClassAllocation;
import io.rebalancer.core.Position;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.RealizedGain;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import io.rebalancer.core.trust.ExportFile;
import io.rebalancer.core.trust.InputProblem;
import io.rebalancer.core.trust.PriceBreak;
import io.rebalancer.core.trust.Reconciliation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The warehouse's tables, the contract analysts query: each column once, with its type and how its
 * cell is made from the domain value. Every table but prices and pipeline_runs is per run date.
 */
public final class WarehouseTables {
  private static final String DATE = "DATE";
  private static final String TEXT = "VARCHAR";
  private static final String COUNT = "BIGINT";
  private static final String DOUBLE = "DOUBLE";
  private static final String FLAG = "BOOLEAN";
  /** A weight as the trade-orders file writes it, 6 decimals, with 32 integer digits. */
  private static final String WEIGHT = "DECIMAL(38,6)";

  /** A value of a run date. */
  public record Dated<T>(LocalDate runDate, T value) {}

  public record HoldingRow(LocalDate runDate, AccountAnalysis account, Position position) {}

  public record AllocationRow(LocalDate runDate, String householdId, Allocation allocation) {}

  /**
   * An asset class of an account or household.
   *
   * @param byClass the class against its class model; null for a scope on a model of symbols
   */
  public record AssetClassRow(LocalDate runDate, String scope, String scopeId, String householdId,
      String assetClass, BigDecimal value, BigDecimal total, ClassAllocation byClass) {
    /** A class of a scope on a model of symbols: it has no target. */
    public AssetClassRow(LocalDate runDate, String scope, String scopeId, String householdId,
        String assetClass, BigDecimal value, BigDecimal total) {
      this(runDate, scope, scopeId, householdId, assetClass, value, total, null);
    }

    private String ofModel(Function<ClassAllocation, String> cell) {
      return byClass == null ? null : cell.apply(byClass);
    }
  }

  public record PriceRow(String symbol, PricePoint point) {}

  public static final Table<HoldingRow> HOLDINGS = Table.<HoldingRow>named("holdings")
      .column("run_date", DATE, r -> date(r.runDate()))
      .column("brokerage_id", TEXT, r -> r.account().key().brokerageId())
      .column("account_id", TEXT, r -> r.account().key().accountId())
      .required("household_id", TEXT, r -> r.account().householdId())
      .column("symbol", TEXT, r -> r.position().symbol())
      .column("asset_class", TEXT, r -> r.position().assetClass())
      .required("quantity", MONEY, r -> money(r.position().quantity()))
      .required("price", MONEY, r -> money(r.position().price()))
      .required("market_value", MONEY, r -> money(r.position().marketValue()))
      .required("is_cash", FLAG, r -> String.valueOf(r.position().cash()))
      // The account's series scope id, stored so that a filter on it is a column filter.
      .derived("account_scope_id", TEXT, "brokerage_id || '/' || account_id")
      // A symbol can be both a position and cash in one account (a CASH-class row beside another).
      .key("run_date", "brokerage_id", "account_id", "symbol", "is_cash")
      .build();

  public static final Table<Dated<AccountAnalysis>> PORTFOLIO_METRICS =
      Table.<Dated<AccountAnalysis>>named("portfolio_metrics")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("brokerage_id", TEXT, r -> r.value().key().brokerageId())
          .column("account_id", TEXT, r -> r.value().key().accountId())
          .required("household_id", TEXT, r -> r.value().householdId())
          .required("model_id", TEXT, r -> r.value().modelId())
          .required("total_value", MONEY, r -> money(r.value().totalValue()))
          .required("cash_value", MONEY, r -> money(r.value().cashValue()))
          .required("invested_value", MONEY, r -> money(r.value().investedValue()))
          .required("positions", "INTEGER", r -> number(r.value().positionCount()))
          .column("hhi", DOUBLE, r -> number(r.value().hhi()))
          .column("volatility", DOUBLE, r -> number(r.value().volatility()))
          .column("max_drawdown", DOUBLE, r -> number(r.value().maxDrawdown()))
          .column("risk_score", "INTEGER", r -> number(r.value().riskScore()))
          .column("cash_reserve", MONEY, r -> money(r.value().cashReserve()))
          .key("run_date", "brokerage_id", "account_id")
          .build();

  public static final Table<AllocationRow> ALLOCATIONS = Table.<AllocationRow>named("allocations")
      .column("run_date", DATE, r -> date(r.runDate()))
      .column("scope", TEXT, r -> r.allocation().scope())
      .column("scope_id", TEXT, r -> r.allocation().scopeId())
      .column("household_id", TEXT, AllocationRow::householdId)
      .column("symbol", TEXT, r -> r.allocation().symbol())
      .required("market_value", MONEY, r -> money(r.allocation().marketValue()))
      .required("weight", DOUBLE, r -> ratio(r.allocation().weight()))
      // NULL for a scope on a class model: its targets are its classes' (asset_class_allocations)
      .required("target_weight", DOUBLE, r -> ratio(r.allocation().targetWeight()))
      .nullWhere("target_weight", "EXISTS (SELECT 1 FROM asset_class_allocations c"
          + " WHERE c.run_date = allocations.run_date AND c.scope = allocations.scope"
          + " AND c.scope_id = allocations.scope_id AND c.target_weight IS NOT NULL)")
      .column("drift", DOUBLE, r -> ratio(r.allocation().drift()))
      .required("out_of_band", FLAG, r -> String.valueOf(r.allocation().outOfBand()))
      // after the run's orders (AfterTrades); NULL in rows loaded before the column existed
      .required("post_trade_weight", DOUBLE, r -> ratio(r.allocation().postTradeWeight()))
      .key("run_date", "scope", "scope_id", "symbol")
      .build();

  public static final Table<AssetClassRow> ASSET_CLASS_ALLOCATIONS =
      Table.<AssetClassRow>named("asset_class_allocations")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("scope", TEXT, AssetClassRow::scope)
          .column("scope_id", TEXT, AssetClassRow::scopeId)
          .column("household_id", TEXT, AssetClassRow::householdId)
          .column("asset_class", TEXT, AssetClassRow::assetClass)
          .column("market_value", MONEY, r -> money(r.value()))
          .column("weight", DOUBLE, r -> ratio(Allocation.weight(r.value(), r.total())))
          // filled for a scope on a class model, which is rebalanced on them; NULL otherwise
          .column("target_weight", DOUBLE, r -> r.ofModel(c -> ratio(c.targetWeight())))
          .column("drift", DOUBLE, r -> r.ofModel(c -> ratio(c.drift())))
          .column("out_of_band", FLAG, r -> r.ofModel(c -> String.valueOf(c.outOfBand())))
          .column("post_trade_weight", DOUBLE, r -> r.ofModel(c -> ratio(c.postTradeWeight())))
          .key("run_date", "scope", "scope_id", "asset_class")
          .build();

  public static final Table<Dated<TradeOrder>> TRADE_ORDERS =
      Table.<Dated<TradeOrder>>named("trade_orders")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("order_id", TEXT, r -> r.value().orderId(r.runDate()))
          .required("household_id", TEXT, r -> r.value().householdId())
          .required("brokerage_id", TEXT, r -> r.value().brokerageId())
          .required("account_id", TEXT, r -> r.value().accountId())
          .required("symbol", TEXT, r -> r.value().symbol())
          .required("side", TEXT, r -> r.value().side().name())
          .required("quantity", MONEY, r -> money(r.value().quantity()))
          .required("price", MONEY, r -> money(r.value().price()))
          .required("estimated_amount", CENTS,
              r -> r.value().estimatedAmount().toPlainString())
          // the file's 6-decimal weights; a household worth little beside one of its positions
          // (cash close to minus the rest) has weights of thousands or millions
          .column("current_weight", WEIGHT, r -> TradeOrderCsv.weight(r.value().currentWeight()))
          .column("target_weight", WEIGHT, r -> TradeOrderCsv.weight(r.value().targetWeight()))
          .column("reason", TEXT, r -> r.value().reason())
          .key("run_date", "order_id")
          .build();

  public static final Table<Dated<UnplacedTrade>> UNPLACED_TRADES =
      Table.<Dated<UnplacedTrade>>named("unplaced_trades")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("household_id", TEXT, r -> r.value().householdId())
          .column("symbol", TEXT, r -> r.value().symbol())
          .column("side", TEXT, r -> r.value().side().name())
          .column("quantity", MONEY, r -> money(r.value().quantity()))
          .required("reason", TEXT, r -> r.value().reason())
          // one sell may leave shares unplaced for two reasons ("short-term gain avoided" and
          // "no account may sell"), a buy-back too: each is a row of its own
          .key("run_date", "household_id", "symbol", "side", "reason")
          .build();

  /**
   * Each lot (or part of one) a SELL order takes, keyed by the sell's order_id and the lot's id
   * (empty for the unknown-basis remainder, which an account's symbol has at most one of). Money
   * at cents as the orders' estimated_amount; cost_basis and gain are NULL when the basis is
   * unknown, open_date when the lot's date is.
   */
  public static final Table<Dated<RealizedGain>> REALIZED_GAINS =
      Table.<Dated<RealizedGain>>named("realized_gains")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("order_id", TEXT, r -> r.value().orderId(r.runDate()))
          .required("household_id", TEXT, r -> r.value().householdId())
          .required("brokerage_id", TEXT, r -> r.value().brokerageId())
          .required("account_id", TEXT, r -> r.value().accountId())
          .required("account_type", TEXT, r -> r.value().accountType().label())
          .required("symbol", TEXT, r -> r.value().symbol())
          .column("lot_id", TEXT, r -> r.value().lotId())
          .column("open_date", DATE, r -> r.value().openDate() == null ? null
              : date(r.value().openDate()))
          .required("quantity", MONEY, r -> money(r.value().quantity()))
          .column("cost_basis", CENTS, r -> cents(r.value().costBasis()))
          .required("proceeds", CENTS, r -> cents(r.value().proceeds()))
          .column("gain", CENTS, r -> cents(r.value().gain()))
          .required("term", TEXT, r -> r.value().term().label())
          .required("wash_sale_risk", FLAG, r -> String.valueOf(r.value().washSaleRisk()))
          .key("run_date", "order_id", "lot_id")
          .build();

  public static final Table<Dated<RejectedRow>> REJECTED_RECORDS =
      Table.<Dated<RejectedRow>>named("rejected_records")
          .column("run_date", DATE, r -> date(r.runDate()))
          .required("brokerage_id", TEXT, r -> r.value().sourceId())
          .column("source_uri", TEXT, r -> r.value().sourceUri())
          .column("line_number", COUNT, r -> number(r.value().lineNumber()))
          .required("reason", TEXT, r -> r.value().reason())
          .column("raw_line", TEXT, r -> r.value().rawLine())
          .key("run_date", "source_uri", "line_number")
          .build();

  public static final Table<Dated<SourceTally>> SOURCE_COUNTS =
      Table.<Dated<SourceTally>>named("source_counts")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("source_id", TEXT, r -> r.value().sourceId())
          .column("files", COUNT, r -> number(r.value().files()))
          .column("rows_read", COUNT, r -> number(r.value().rowsRead()))
          .column("holdings", COUNT, r -> number(r.value().holdings()))
          .column("recognised", COUNT, r -> number(r.value().recognised()))
          .column("rejected", COUNT, r -> number(r.value().rejected()))
          .key("run_date", "source_id")
          .build();

  /** Each export file a run read: the date it states, and how many rows it has. */
  public static final Table<Dated<ExportFile>> SOURCE_FILES =
      Table.<Dated<ExportFile>>named("source_files")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("source_id", TEXT, r -> r.value().sourceId())
          .required("brokerage_id", TEXT, r -> r.value().brokerageId())
          .column("source_uri", TEXT, r -> r.value().uri())
          .required("as_of_stated", FLAG, r -> String.valueOf(r.value().asOf() != null))
          .column("as_of_date", DATE, r -> r.value().asOf() == null ? null
              : date(r.value().asOf().date()))
          .column("as_of_time", "TIME", r -> r.value().asOf() == null
              || r.value().asOf().time() == null ? null : r.value().asOf().time().toString())
          .column("as_of_text", TEXT, r -> r.value().asOf() == null ? null
              : r.value().asOf().text().strip())
          // Verdicts are counted per source (source_counts): a holding of an unknown account
          // is rejected after its file is read.
          .column("rows_read", COUNT, r -> number(r.value().tally().rowsRead()))
          .key("run_date", "source_uri")
          .build();

  /** Each total an export states, against the holdings read for its account from that file. */
  public static final Table<Dated<Reconciliation>> SOURCE_RECONCILIATION =
      Table.<Dated<Reconciliation>>named("source_reconciliation")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("source_id", TEXT, r -> r.value().sourceId())
          .required("brokerage_id", TEXT, r -> r.value().brokerageId())
          .column("source_uri", TEXT, r -> r.value().sourceUri())
          .column("line_number", COUNT, r -> number(r.value().lineNumber()))
          .required("account_id", TEXT, r -> r.value().accountId())
          .required("label", TEXT, r -> r.value().label())
          .required("includes_cash", FLAG, r -> String.valueOf(r.value().includesCash()))
          .required("stated_total", MONEY, r -> money(r.value().stated()))
          .required("parsed_total", MONEY, r -> money(r.value().parsed()))
          .required("difference", MONEY, r -> money(r.value().difference()))
          .required("within_tolerance", FLAG, r -> String.valueOf(r.value().withinTolerance()))
          .key("run_date", "source_uri", "line_number")
          .build();

  /** Holdings whose export price is far from the symbol's latest close. */
  public static final Table<Dated<PriceBreak>> PRICE_BREAKS =
      Table.<Dated<PriceBreak>>named("price_breaks")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("source_id", TEXT, r -> r.value().sourceId())
          .column("source_uri", TEXT, r -> r.value().sourceUri())
          .column("line_number", COUNT, r -> number(r.value().lineNumber()))
          .required("brokerage_id", TEXT, r -> r.value().brokerageId())
          .required("account_id", TEXT, r -> r.value().accountId())
          .required("symbol", TEXT, r -> r.value().symbol())
          .required("export_price", MONEY, r -> money(r.value().exportPrice()))
          .required("close", MONEY, r -> money(r.value().close()))
          .required("close_date", DATE, r -> date(r.value().closeDate()))
          .required("relative_difference", DOUBLE, r -> ratio(r.value().relativeDifference()))
          .key("run_date", "source_uri", "line_number")
          .build();

  /** Not loaded: what the run found it cannot trade on; the publisher fails on the first. */
  public static final Table<InputProblem> INPUT_PROBLEMS =
      Table.<InputProblem>named("input_problems")
          .column("kind", TEXT, r -> r.kind().name())
          .column("key", TEXT, InputProblem::key)
          .column("message", TEXT, InputProblem::message)
          .key("kind", "key", "message")
          .load(Table.Load.NONE)
          .build();

  /** The price history, each (value_date, symbol) once; every run upserts the closes it read. */
  public static final Table<PriceRow> PRICES = Table.<PriceRow>named("prices")
      .column("value_date", DATE, r -> date(r.point().date()))
      .column("symbol", TEXT, PriceRow::symbol)
      .required("close", MONEY, r -> money(r.point().close()))
      .key("value_date", "symbol")
      .load(Table.Load.UPSERT)
      .build();

  /** Not staged: the publisher inserts each run's row itself. */
  public static final Table<RunRecord> PIPELINE_RUNS = Table.<RunRecord>named("pipeline_runs")
      .column("run_id", TEXT, RunRecord::runId)
      .column("run_date", DATE, r -> date(r.runDate()))
      .column("started_at", "TIMESTAMP", r -> Cells.timestamp(r.startedAt()))
      .column("finished_at", "TIMESTAMP", r -> Cells.timestamp(r.finishedAt()))
      .column("runner", TEXT, RunRecord::runner)
      .column("status", TEXT, RunRecord::status)
      .column("records_read", COUNT, r -> number(r.recordsRead()))
      .column("records_rejected", COUNT, r -> number(r.recordsRejected()))
      .column("accounts", COUNT, r -> number(r.accounts()))
      .column("households", COUNT, r -> number(r.households()))
      .column("orders", COUNT, r -> number(r.orders()))
      .column("unplaced", COUNT, r -> number(r.unplaced()))
      .column("config", TEXT, RunRecord::config)
      .column("error", TEXT, RunRecord::error)
      .column("checks", "INTEGER", r -> number((long) r.checks()))
      .key("run_id")
      .load(Table.Load.NONE)
      .build();

  /** Not loaded: the run's totals, staged for the publisher to read. */
  public static final Table<Dated<RunSummary>> RUN_SUMMARY =
      Table.<Dated<RunSummary>>named("run_summary")
          .column("run_date", DATE, r -> date(r.runDate()))
          .column("households", COUNT, r -> number(r.value().households()))
          .column("accounts", COUNT, r -> number(r.value().accounts()))
          .column("rebalanced", COUNT, r -> number(r.value().rebalanced()))
          .column("within_tolerance", COUNT, r -> number(r.value().withinTolerance()))
          .column("sells", COUNT, r -> number(r.value().sells()))
          .column("buys", COUNT, r -> number(r.value().buys()))
          .column("unplaced", COUNT, r -> number(r.value().unplaced()))
          // sums of quantity × price, which may have more decimals than a stored column
          .column("sell_amount", MONEY, r -> exact(r.value().sellAmount()))
          .column("buy_amount", MONEY, r -> exact(r.value().buyAmount()))
          .column("total_value", MONEY, r -> exact(r.value().totalValue()))
          // taxable accounts' estimated gains by term, their wash-sale risks, and the lots of
          // known basis sold in any account (0: the summary shows no gains)
          .column("short_term_gain", MONEY, r -> exact(r.value().gains().shortTermGain()))
          .column("long_term_gain", MONEY, r -> exact(r.value().gains().longTermGain()))
          .column("unknown_term_gain", MONEY, r -> exact(r.value().gains().unknownTermGain()))
          .column("wash_sale_lots", COUNT, r -> number(r.value().gains().washSaleLots()))
          .column("known_basis_lots", COUNT, r -> number(r.value().gains().knownBasisLots()))
          .key("run_date")
          .load(Table.Load.NONE)
          .build();

  /** The tables a run loads from its staged rows, in load order. */
  public static final List<Table<?>> LOADED = List.of(PRICES, HOLDINGS, PORTFOLIO_METRICS,
      ALLOCATIONS, ASSET_CLASS_ALLOCATIONS, TRADE_ORDERS, UNPLACED_TRADES, REALIZED_GAINS,
      REJECTED_RECORDS, SOURCE_COUNTS, SOURCE_FILES, SOURCE_RECONCILIATION, PRICE_BREAKS);

  /** Every table of the warehouse file. */
  public static final List<Table<?>> STORED = List.of(PRICES, HOLDINGS, PORTFOLIO_METRICS,
      ALLOCATIONS, ASSET_CLASS_ALLOCATIONS, TRADE_ORDERS, UNPLACED_TRADES, REALIZED_GAINS,
      REJECTED_RECORDS, SOURCE_COUNTS, SOURCE_FILES, SOURCE_RECONCILIATION, PRICE_BREAKS,
      PIPELINE_RUNS);

  private static final Map<String, Table<?>> BY_NAME = List.of(PRICES, HOLDINGS,
      PORTFOLIO_METRICS, ALLOCATIONS, ASSET_CLASS_ALLOCATIONS, TRADE_ORDERS, UNPLACED_TRADES,
      REALIZED_GAINS, REJECTED_RECORDS, SOURCE_COUNTS, SOURCE_FILES, SOURCE_RECONCILIATION,
      PRICE_BREAKS, PIPELINE_RUNS, RUN_SUMMARY, INPUT_PROBLEMS).stream()
      .collect(Collectors.toMap(Table::name, Function.identity()));

  private WarehouseTables() {}

  public static Table<?> named(String name) {
    Table<?> t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no warehouse table " + name);
    }
    return t;
  }
}
