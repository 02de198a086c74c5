package io.rebalancer.io;

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
import io.rebalancer.io.WarehouseTables.AllocationRow;
import io.rebalancer.io.WarehouseTables.AssetClassRow;
import io.rebalancer.io.WarehouseTables.Dated;
import io.rebalancer.io.WarehouseTables.HoldingRow;
import io.rebalancer.io.WarehouseTables.PriceRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The staged rows of domain values, as each table of {@link WarehouseTables} defines them. */
public final class WarehouseRows {
  private WarehouseRows() {}

  public static WarehouseRow holding(LocalDate runDate, AccountAnalysis a, Position p) {
    return WarehouseTables.HOLDINGS.row(new HoldingRow(runDate, a, p));
  }

  public static WarehouseRow metrics(LocalDate runDate, AccountAnalysis a) {
    return WarehouseTables.PORTFOLIO_METRICS.row(new Dated<>(runDate, a));
  }

  public static WarehouseRow allocation(LocalDate runDate, String householdId, Allocation al) {
    return WarehouseTables.ALLOCATIONS.row(new AllocationRow(runDate, householdId, al));
  }

  /** One row per asset class of an account or household. */
  public static List<WarehouseRow> assetClasses(LocalDate runDate, String scope, String scopeId,
      String householdId, Map<String, BigDecimal> values, BigDecimal total) {
    List<WarehouseRow> out = new ArrayList<>(values.size());
    values.forEach((assetClass, value) -> out.add(WarehouseTables.ASSET_CLASS_ALLOCATIONS.row(
        new AssetClassRow(runDate, scope, scopeId, householdId, assetClass, value, total))));
    return out;
  }

  /**
   * One row per asset class of an account or household on a class model, with its target, drift,
   * band and post-trade weight.
   *
   * @param total the scope's value, which its classes' weights are of
   */
  public static List<WarehouseRow> classAllocations(LocalDate runDate, String householdId,
      List<ClassAllocation> classes, BigDecimal total) {
    List<WarehouseRow> out = new ArrayList<>(classes.size());
    for (ClassAllocation c : classes) {
      out.add(WarehouseTables.ASSET_CLASS_ALLOCATIONS.row(new AssetClassRow(runDate, c.scope(),
          c.scopeId(), householdId, c.assetClass(), c.marketValue(), total, c)));
    }
    return out;
  }

  public static WarehouseRow order(LocalDate runDate, TradeOrder o) {
    return WarehouseTables.TRADE_ORDERS.row(new Dated<>(runDate, o));
  }

  public static WarehouseRow unplaced(LocalDate runDate, UnplacedTrade u) {
    return WarehouseTables.UNPLACED_TRADES.row(new Dated<>(runDate, u));
  }

  /** A lot (or part of one) a sell order took. */
  public static WarehouseRow realizedGain(LocalDate runDate, RealizedGain g) {
    return WarehouseTables.REALIZED_GAINS.row(new Dated<>(runDate, g));
  }

  public static WarehouseRow rejected(LocalDate runDate, RejectedRow r) {
    return WarehouseTables.REJECTED_RECORDS.row(new Dated<>(runDate, r));
  }

  public static WarehouseRow sourceCount(LocalDate runDate, SourceTally t) {
    return WarehouseTables.SOURCE_COUNTS.row(new Dated<>(runDate, t));
  }

  public static WarehouseRow exportFile(LocalDate runDate, ExportFile f) {
    return WarehouseTables.SOURCE_FILES.row(new Dated<>(runDate, f));
  }

  public static WarehouseRow reconciliation(LocalDate runDate, Reconciliation r) {
    return WarehouseTables.SOURCE_RECONCILIATION.row(new Dated<>(runDate, r));
  }

  public static WarehouseRow priceBreak(LocalDate runDate, PriceBreak b) {
    return WarehouseTables.PRICE_BREAKS.row(new Dated<>(runDate, b));
  }

  /** Staged only, for the publisher: not a warehouse table. */
  public static WarehouseRow problem(InputProblem p) {
    return WarehouseTables.INPUT_PROBLEMS.row(p);
  }

  public static WarehouseRow runSummary(LocalDate runDate, RunSummary s) {
    return WarehouseTables.RUN_SUMMARY.row(new Dated<>(runDate, s));
  }

  /** One close of the price history; not per run date: each run upserts the closes it read. */
  public static WarehouseRow price(String symbol, PricePoint p) {
    return WarehouseTables.PRICES.row(new PriceRow(symbol, p));
  }
}
