package io.rebalancer.io;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.Position;
import io.rebalancer.core.RejectedRow;
import io.rebalancer.core.RunSummary;
import io.rebalancer.core.PricePoint;
import io.rebalancer.core.SourceTally;
import io.rebalancer.core.TradeOrder;
import io.rebalancer.core.UnplacedTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders domain values as warehouse rows, in each table's column order. */
public final class WarehouseRows {
  private static final int MONEY_SCALE = 10;

  private WarehouseRows() {}

  public static WarehouseRow holding(LocalDate runDate, AccountAnalysis a, Position p) {
    return WarehouseRow.of(WarehouseTables.HOLDINGS.name(), date(runDate), a.key().brokerageId(),
        a.key().accountId(), a.householdId(), p.symbol(), p.assetClass(), money(p.quantity()),
        money(p.price()), money(p.marketValue()), String.valueOf(p.cash()));
  }

  public static WarehouseRow metrics(LocalDate runDate, AccountAnalysis a) {
    return WarehouseRow.of(WarehouseTables.PORTFOLIO_METRICS.name(), date(runDate),
        a.key().brokerageId(), a.key().accountId(), a.householdId(), a.modelId(),
        money(a.totalValue()), money(a.cashValue()), money(a.investedValue()),
        String.valueOf(a.positionCount()), number(a.hhi()), number(a.volatility()),
        number(a.maxDrawdown()), a.riskScore() == null ? null : a.riskScore().toString(),
        money(a.cashReserve()));
  }

  public static WarehouseRow allocation(LocalDate runDate, String householdId, Allocation al) {
    return WarehouseRow.of(WarehouseTables.ALLOCATIONS.name(), date(runDate), al.scope(),
        al.scopeId(), householdId, al.symbol(), money(al.marketValue()), ratio(al.weight()),
        ratio(al.targetWeight()), ratio(al.drift()), String.valueOf(al.outOfBand()));
  }

  /** One row per asset class of an account or household. */
  public static List<WarehouseRow> assetClasses(LocalDate runDate, String scope, String scopeId,
      String householdId, Map<String, BigDecimal> values, BigDecimal total) {
    List<WarehouseRow> out = new ArrayList<>(values.size());
    values.forEach((assetClass, value) -> out.add(WarehouseRow.of(
        WarehouseTables.ASSET_CLASS_ALLOCATIONS.name(), date(runDate), scope, scopeId, householdId,
        assetClass, money(value), ratio(Allocation.weight(value, total)))));
    return out;
  }

  public static WarehouseRow order(LocalDate runDate, TradeOrder o) {
    return WarehouseRow.of(WarehouseTables.TRADE_ORDERS.name(), date(runDate), o.orderId(runDate),
        o.householdId(), o.brokerageId(), o.accountId(), o.symbol(), o.side().name(),
        money(o.quantity()), money(o.price()), o.estimatedAmount().toPlainString(),
        TradeOrderCsv.weight(o.currentWeight()), TradeOrderCsv.weight(o.targetWeight()),
        o.reason());
  }

  public static WarehouseRow unplaced(LocalDate runDate, UnplacedTrade u) {
    return WarehouseRow.of(WarehouseTables.UNPLACED_TRADES.name(), date(runDate), u.householdId(),
        u.symbol(), u.side().name(), money(u.quantity()), u.reason());
  }

  public static WarehouseRow rejected(LocalDate runDate, RejectedRow r) {
    return WarehouseRow.of(WarehouseTables.REJECTED_RECORDS.name(), date(runDate), r.sourceId(),
        r.sourceUri(), String.valueOf(r.lineNumber()), r.reason(), r.rawLine());
  }

  public static WarehouseRow sourceCount(LocalDate runDate, SourceTally t) {
    return WarehouseRow.of(WarehouseTables.SOURCE_COUNTS.name(), date(runDate), t.sourceId(),
        String.valueOf(t.files()), String.valueOf(t.rowsRead()), String.valueOf(t.holdings()),
        String.valueOf(t.recognised()), String.valueOf(t.rejected()));
  }

  public static WarehouseRow runSummary(LocalDate runDate, RunSummary s) {
    return WarehouseRow.of(WarehouseTables.RUN_SUMMARY.name(), date(runDate),
        String.valueOf(s.households()), String.valueOf(s.accounts()),
        String.valueOf(s.rebalanced()), String.valueOf(s.withinTolerance()),
        String.valueOf(s.sells()), String.valueOf(s.buys()), String.valueOf(s.unplaced()),
        money(s.sellAmount()), money(s.buyAmount()), money(s.totalValue()));
  }

  /** One close of the price history; not per run date: each run upserts the closes it read. */
  public static WarehouseRow price(String symbol, PricePoint p) {
    return WarehouseRow.of(WarehouseTables.PRICES.name(), date(p.date()), symbol,
        money(p.close()));
  }

  static String date(LocalDate d) {
    return d.toString();
  }

  /** Money and quantities keep ten decimals in the warehouse: exact for every export we read. */
  static String money(BigDecimal v) {
    return v == null ? null : v.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String ratio(BigDecimal v) {
    return v == null ? null : Double.toString(v.doubleValue());
  }

  static String number(Double v) {
    return v == null ? null : Double.toString(v);
  }
}
