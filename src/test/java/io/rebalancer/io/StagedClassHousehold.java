package io.rebalancer.io;

import io.rebalancer.core.AccountAnalysis;
import io.rebalancer.core.AccountKey;
import io.rebalancer.core.AfterTrades;
import io.rebalancer.core.Allocation;
import io.rebalancer.core.ClassAllocation;
import io.rebalancer.core.ClassTarget;
import io.rebalancer.core.Model;
import io.rebalancer.core.Position;
import io.rebalancer.core.RebalanceRules;
import io.rebalancer.core.Side;
import io.rebalancer.core.TradeOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A household on a class model staged for a warehouse load as Rebalance stages it, every row from
 * WarehouseRows, with orders as a class rebalancer would give it (the rebalancer of classes is
 * not this file's subject). Model: EQUITY 0.6 (buys VTI), BOND 0.3 (buys AGG), CASH 0.1, GOLD 0.
 * C (account B1/c1) holds VTI 50 and VXUS 20 at 10 and 100 of cash; its B1/c2 holds BND 10 at 10
 * and GLD 1 at 100: EQUITY 700, BOND 100, CASH 100, GOLD 100 of 1000. It sells 10 VTI on c1 and
 * the GLD on c2, and buys 10 AGG on each. Q (account B1/q1) holds the model's split already and
 * trades nothing.
 */
public final class StagedClassHousehold {
  public static final RebalanceRules RULES = RebalanceRules.defaults();
  static final Model MODEL = Model.ofClasses("classes", List.of(
      new ClassTarget("EQUITY", new BigDecimal("0.6"), "VTI"),
      new ClassTarget("BOND", new BigDecimal("0.3"), "AGG"),
      new ClassTarget("CASH", new BigDecimal("0.1"), null),
      new ClassTarget("GOLD", BigDecimal.ZERO, null)));

  private StagedClassHousehold() {}

  /** Stages C and Q for a run date; edit rewrites each staged row's cells (by table). */
  public static StagingArea stage(Path folder, LocalDate date,
      Map<String, UnaryOperator<List<String>>> edits) throws IOException {
    List<WarehouseRow> rows = new ArrayList<>();
    addHousehold(rows, date, "C", List.of(
        account("C", "c1", new BigDecimal("100"), position("VTI", "EQUITY", 50, 10),
            position("VXUS", "EQUITY", 20, 10)),
        account("C", "c2", BigDecimal.ZERO, position("BND", "BOND", 10, 10),
            position("GLD", "GOLD", 1, 100))),
        List.of(order("C", "c1", "VTI", Side.SELL, 10, 10),
            order("C", "c1", "AGG", Side.BUY, 10, 10),
            order("C", "c2", "GLD", Side.SELL, 1, 100),
            order("C", "c2", "AGG", Side.BUY, 10, 10)));
    addHousehold(rows, date, "Q", List.of(account("Q", "q1", new BigDecimal("100"),
        position("VTI", "EQUITY", 60, 10), position("BND", "BOND", 30, 10))), List.of());
    Map<String, List<String>> lines = new TreeMap<>();
    for (WarehouseRow r : rows) {
      List<String> cells = edits.getOrDefault(r.table(), UnaryOperator.identity())
          .apply(r.cells());
      lines.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(StagedCsv.line(cells));
    }
    StagingArea staging = StagingArea.create(folder, "run");
    Files.createDirectories(staging.tables());
    for (var e : lines.entrySet()) {
      Files.write(staging.tables().resolve(e.getKey() + "-part-00000-of-00001.csv"), e.getValue());
    }
    return staging;
  }

  /** Every row Rebalance and AnalyzePortfolios stage for a household on a class model. */
  private static void addHousehold(List<WarehouseRow> rows, LocalDate date, String id,
      List<AccountAnalysis> accounts, List<TradeOrder> orders) {
    TreeMap<String, BigDecimal> values = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (AccountAnalysis a : accounts) {
      a.positions().forEach(p -> rows.add(WarehouseRows.holding(date, a, p)));
      rows.add(WarehouseRows.metrics(date, a));
      a.valuesBySymbol().forEach((s, v) -> values.merge(s, v, BigDecimal::add));
      total = total.add(a.totalValue());
    }
    orders.forEach(o -> rows.add(WarehouseRows.order(date, o)));
    rows.addAll(SoldLots.remainders(date, orders)); // its accounts have no lots
    List<Allocation> allocations = new ArrayList<>(Allocation.of(Allocation.HOUSEHOLD, id, values,
        total, AfterTrades.ofHousehold(values, total, accounts, orders), MODEL, RULES));
    allocations.addAll(AfterTrades.accountAllocations(accounts, orders, MODEL, RULES));
    allocations.forEach(al -> rows.add(WarehouseRows.allocation(date, id, al)));
    rows.addAll(WarehouseRows.classAllocations(date, id,
        ClassAllocation.ofHousehold(id, MODEL, accounts, total, orders, RULES), total));
    for (AccountAnalysis a : accounts) {
      rows.addAll(WarehouseRows.classAllocations(date, id,
          ClassAllocation.ofAccount(a, accounts, orders, MODEL, RULES), a.totalValue()));
    }
  }

  private static Position position(String symbol, String assetClass, int quantity, int price) {
    return new Position(symbol, assetClass, BigDecimal.valueOf(quantity),
        BigDecimal.valueOf(price), BigDecimal.valueOf((long) quantity * price), false);
  }

  private static AccountAnalysis account(String householdId, String id, BigDecimal cash,
      Position... invested) {
    List<Position> positions = new ArrayList<>(List.of(invested));
    BigDecimal investedValue = BigDecimal.ZERO;
    for (Position p : invested) {
      investedValue = investedValue.add(p.marketValue());
    }
    if (cash.signum() != 0) {
      positions.add(new Position("CASH", "CASH", cash, BigDecimal.ONE, cash, true));
    }
    return new AccountAnalysis(new AccountKey("B1", id), householdId, "classes",
        BigDecimal.ZERO, investedValue.add(cash), cash, investedValue, invested.length, null,
        null, null, null, positions);
  }

  private static TradeOrder order(String householdId, String account, String symbol, Side side,
      int quantity, int price) {
    return new TradeOrder(householdId, "B1", account, symbol, side, BigDecimal.valueOf(quantity),
        BigDecimal.valueOf(price), BigDecimal.ZERO, BigDecimal.ZERO, "class rebalance");
  }
}
